/** Names of bodies for the session answer, through the organizations module's face. */
import type { Queryable } from '../db/index.js';
import { getOrganizationNames } from '../../modules/organizations/index.js';

export function organizationNames(q: Queryable, ids: string[]): Promise<Map<string, string>> {
  return getOrganizationNames(q, ids);
}
