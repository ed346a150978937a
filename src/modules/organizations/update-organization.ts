/**
 * Use case: change a body's data. Platform admins change any field (except those that come from
 * the official ISTAT list: the name of a region, province or municipality); a body's own
 * administrators change only its contact fields (website, PEC) and its patron day.
 */
import type { Db } from '../../platform/db/index.js';
import { dbContext, isPlatformAdmin, type AuthContext } from '../../platform/auth/context.js';
import { errors } from '../../platform/http/errors.js';
import { auditBy } from '../../platform/audit.js';
import * as repo from './organizations.repo.js';
import { organizationErrors } from './organizations.errors.js';
import { searchNameOf } from './search-name.js';
import { normalizeIpaCode } from './organization-rules.js';

export interface UpdateOrganizationInput {
  name?: string;
  ipaCode?: string | null;
  taxCode?: string | null;
  patronDay?: string | null;
  website?: string | null;
  pec?: string | null;
  population?: number | null;
}

export const BODY_ADMIN_FIELDS = ['website', 'pec', 'patronDay'] as const;

export async function updateOrganization(db: Db, auth: AuthContext, id: string, input: UpdateOrganizationInput, meta: { ip?: string } = {}) {
  const admin = isPlatformAdmin(auth);
  const ownAdmin = auth.organizationId === id && auth.roles.includes('body_admin');
  return db.tx(dbContext(auth), async (tx) => {
    if (!(await repo.selectById(tx, id))) throw organizationErrors.notFound(`Nessun ente con identificativo ${id}.`);
    if (!admin && !ownAdmin) throw errors.forbidden('Solo gli amministratori della piattaforma o dell’ente stesso modificano i suoi dati.');
    const before = (await repo.selectByIdForUpdate(tx, id))!;
    const fields = Object.keys(input).filter((k) => input[k as keyof UpdateOrganizationInput] !== undefined) as (keyof UpdateOrganizationInput)[];
    if (!admin) {
      const refused = fields.filter((f) => !(BODY_ADMIN_FIELDS as readonly string[]).includes(f));
      if (refused.length) {
        throw organizationErrors.fieldNotAllowed(`Campi non modificabili dall’amministratore dell’ente: ${refused.join(', ')}.`, undefined,
          refused.map((f) => ({ field: `body.${f}`, message: 'campo riservato agli amministratori della piattaforma' })));
      }
    }
    if (before.source === 'istat' && input.name !== undefined && input.name !== before.name) {
      throw organizationErrors.officialFieldReadOnly('Il nome di regioni, province e comuni arriva dall’elenco ufficiale ISTAT.', undefined, [
        { field: 'body.name', message: 'campo dell’elenco ufficiale' },
      ]);
    }
    const changes: Record<string, unknown> = {};
    for (const f of fields) changes[f] = input[f];
    if (typeof changes.ipaCode === 'string') {
      changes.ipaCode = normalizeIpaCode(changes.ipaCode);
      if (await repo.ipaCodeTaken(tx, changes.ipaCode as string, id)) {
        throw organizationErrors.duplicateCode(`Il codice IPA ${changes.ipaCode} è già assegnato a un altro ente.`, undefined, [{ field: 'body.ipaCode', message: 'codice IPA già in uso' }]);
      }
    }
    if (typeof changes.name === 'string') changes.searchName = searchNameOf(changes.name);
    await repo.updateOrganization(tx, id, changes);
    const after = (await repo.selectById(tx, id))!;
    await auditBy(tx, auth, {
      organizationId: id,
      action: 'organization.update',
      entityType: 'organization',
      entityId: id,
      before,
      after,
      ip: meta.ip ?? null,
    });
    return { ...after, parents: await repo.selectParents(tx, id) };
  });
}
