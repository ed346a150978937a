/**
 * Use case: an operator adds a body that is not in the official list (a union, a mountain
 * community, a ministry, a provider…). Platform admins and provider staff only.
 * The transaction acts in the new body's context, so the audit entry lands in the new body's chain.
 */
import { randomUUID } from 'node:crypto';
import type { Db } from '../../platform/db/index.js';
import { isPlatformAdmin, type AuthContext } from '../../platform/auth/context.js';
import { errors } from '../../platform/http/errors.js';
import { auditBy } from '../../platform/audit.js';
import * as repo from './organizations.repo.js';
import { organizationErrors } from './organizations.errors.js';
import { searchNameOf } from './search-name.js';
import { checkLinks, normalizeIpaCode, type OperatorKind } from './organization-rules.js';

export interface CreateOrganizationInput {
  kind: OperatorKind;
  name: string;
  ipaCode?: string;
  taxCode?: string;
  parentIds?: string[];
  memberIds?: string[];
  patronDay?: string;
  website?: string;
  pec?: string;
  population?: number;
}

export async function createOrganization(db: Db, auth: AuthContext, input: CreateOrganizationInput, meta: { ip?: string } = {}) {
  if (!isPlatformAdmin(auth) && !auth.roles.includes('provider_staff')) {
    throw errors.forbidden('Solo gli amministratori della piattaforma e il personale del fornitore aggiungono enti.');
  }
  const id = randomUUID();
  const parentIds = [...new Set(input.parentIds ?? [])];
  const memberIds = [...new Set(input.memberIds ?? [])];
  const ipaCode = input.ipaCode ? normalizeIpaCode(input.ipaCode) : null;
  return db.tx({ userId: auth.userId, organizationId: id, platform: isPlatformAdmin(auth) }, async (tx) => {
    if (ipaCode && (await repo.ipaCodeTaken(tx, ipaCode, null))) {
      throw organizationErrors.duplicateCode(`Il codice IPA ${ipaCode} è già assegnato a un altro ente.`, undefined, [{ field: 'body.ipaCode', message: 'codice IPA già in uso' }]);
    }
    const targets = await repo.selectLinkTargets(tx, [...parentIds, ...memberIds]);
    const links = checkLinks(input.kind, parentIds, memberIds, new Map(targets.map((t) => [t.id, t])));
    if (links.problems.length) throw organizationErrors.invalidLink(links.problems.join(' '));
    await repo.insertOrganization(tx, {
      id,
      kind: input.kind,
      name: input.name,
      searchName: searchNameOf(input.name),
      ipaCode,
      taxCode: input.taxCode ?? null,
      regionCode: links.regionCode,
      provinceCode: links.provinceCode,
      patronDay: input.patronDay ?? null,
      website: input.website ?? null,
      pec: input.pec ?? null,
      population: input.population ?? null,
    });
    await repo.insertLinks(tx, [
      ...parentIds.map((p) => ({ organizationId: id, parentId: p, relation: 'part_of' as const })),
      ...memberIds.map((m) => ({ organizationId: m, parentId: id, relation: 'member_of' as const })),
    ]);
    const created = await repo.selectById(tx, id);
    const parents = await repo.selectParents(tx, id);
    await auditBy(tx, auth, {
      organizationId: id,
      action: 'organization.create',
      entityType: 'organization',
      entityId: id,
      before: null,
      after: { ...created, parentIds, memberIds },
      ip: meta.ip ?? null,
    });
    return { ...created!, parents };
  });
}
