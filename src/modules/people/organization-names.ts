/** Names of bodies for the session answer, through the organizations module's face. */
import type { Queryable } from '../../platform/db/index.js';
import { getOrganizationNames } from '../organizations/index.js';

export function organizationNames(q: Queryable, ids: string[]): Promise<Map<string, string>> {
  return getOrganizationNames(q, ids);
}
