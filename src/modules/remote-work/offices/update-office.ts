/** Use case: HR changes an office's code, name, parent (never a loop) or manager (a person of the body). */
import type { Db } from '../../../platform/db/index.js';
import { dbContext, type AuthContext } from '../../../platform/auth/context.js';
import { auditBy } from '../../../platform/audit.js';
import { officeErrors as E } from '../remote-work.errors.js';
import { wouldCreateCycle } from './employee-rules.js';
import { bodyOf, requireBodyManager } from './office-access.js';
import * as repo from './offices.repo.js';

export interface UpdateOfficeInput {
  code?: string;
  name?: string;
  parentId?: string | null;
  managerUserId?: string | null;
}

export async function updateOffice(db: Db, auth: AuthContext, id: string, input: UpdateOfficeInput, meta: { ip?: string } = {}) {
  requireBodyManager(auth, 'Modificare un ufficio');
  const organizationId = bodyOf(auth);
  return db.tx(dbContext(auth), async (tx) => {
    if (!(await repo.lockOffice(tx, organizationId, id))) throw E.officeNotFound();
    const before = (await repo.selectOffice(tx, organizationId, id))!;
    const next = {
      code: input.code ?? before.code,
      name: input.name ?? before.name,
      parentId: input.parentId === undefined ? before.parentId : input.parentId,
      managerUserId: input.managerUserId === undefined ? before.managerUserId : input.managerUserId,
    };
    if (next.code !== before.code && (await repo.officeCodeTaken(tx, organizationId, next.code, id))) {
      throw E.codeTaken(`Il codice «${next.code}» è già di un altro ufficio dell’ente (maiuscole e minuscole non contano).`);
    }
    if (next.parentId !== before.parentId && next.parentId) {
      const parents = await repo.selectOfficeParents(tx, organizationId);
      if (!parents.has(next.parentId)) throw E.invalidParent('L’ufficio superiore indicato non esiste nel tuo ente.');
      if (wouldCreateCycle(parents, id, next.parentId)) throw E.invalidParent('Un ufficio non può dipendere da sé stesso né da un ufficio che dipende da lui.');
    }
    if (next.managerUserId && next.managerUserId !== before.managerUserId && !(await repo.isBodyMember(tx, organizationId, next.managerUserId))) {
      throw E.invalidManager('Il responsabile indicato non è registrato nel tuo ente: aggiungilo prima tra le persone dell’ente.');
    }
    await repo.updateOffice(tx, organizationId, id, next);
    const after = (await repo.selectOffice(tx, organizationId, id))!;
    await auditBy(tx, auth, { organizationId, action: 'office.update', entityType: 'rw_office', entityId: id, before, after, ip: meta.ip ?? null });
    return after;
  });
}
