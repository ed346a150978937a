/** Use case: HR creates an office of the body (code unique regardless of case, parent in the body, manager a person of the body). */
import { randomUUID } from 'node:crypto';
import type { Db } from '../../../platform/db/index.js';
import { dbContext, type AuthContext } from '../../../platform/auth/context.js';
import { auditBy } from '../../../platform/audit.js';
import { officeErrors as E } from '../remote-work.errors.js';
import { bodyOf, requireBodyManager } from './office-access.js';
import * as repo from './offices.repo.js';

export interface CreateOfficeInput {
  code: string;
  name: string;
  parentId?: string | null;
  managerUserId?: string | null;
}

export async function createOffice(db: Db, auth: AuthContext, input: CreateOfficeInput, meta: { ip?: string } = {}) {
  requireBodyManager(auth, 'Creare un ufficio');
  const organizationId = bodyOf(auth);
  const id = randomUUID();
  return db.tx(dbContext(auth), async (tx) => {
    if (await repo.officeCodeTaken(tx, organizationId, input.code, null)) throw E.codeTaken(`Il codice «${input.code}» è già di un altro ufficio dell’ente (maiuscole e minuscole non contano).`);
    if (input.parentId && !(await repo.selectOffice(tx, organizationId, input.parentId))) throw E.invalidParent('L’ufficio superiore indicato non esiste nel tuo ente.');
    if (input.managerUserId && !(await repo.isBodyMember(tx, organizationId, input.managerUserId))) {
      throw E.invalidManager('Il responsabile indicato non è registrato nel tuo ente: aggiungilo prima tra le persone dell’ente.');
    }
    await repo.insertOffice(tx, organizationId, id, { code: input.code, name: input.name, parentId: input.parentId ?? null, managerUserId: input.managerUserId ?? null });
    const created = (await repo.selectOffice(tx, organizationId, id))!;
    await auditBy(tx, auth, { organizationId, action: 'office.create', entityType: 'rw_office', entityId: id, before: null, after: created, ip: meta.ip ?? null });
    return created;
  });
}
