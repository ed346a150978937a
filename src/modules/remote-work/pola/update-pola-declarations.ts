/**
 * Use case: HR declares the body's tools, training and spending (digital, professional and
 * economic health of the POLA): the whole set is replaced; null means "not declared". Audited.
 * The digital part is what the service catalogue will provide once it exists (pola-digital.ts).
 */
import type { Db } from '../../../platform/db/index.js';
import { dbContext, type AuthContext } from '../../../platform/auth/context.js';
import { auditBy } from '../../../platform/audit.js';
import { polaScope } from './pola-access.js';
import * as repo from './pola.repo.js';

export async function updatePolaDeclarations(
  db: Db,
  auth: AuthContext,
  input: repo.Declarations,
  meta: { ip?: string } = {},
): Promise<repo.Declarations & { updatedAt: string | null }> {
  const organizationId = polaScope(auth);
  const d: repo.Declarations = { ...input, toolsNote: input.toolsNote.trim() };
  return db.tx(dbContext(auth), async (tx) => {
    const before = await repo.selectDeclarations(tx, organizationId);
    await repo.upsertDeclarations(tx, organizationId, d, auth.userId);
    const after = (await repo.selectDeclarations(tx, organizationId))!;
    const strip = (x: (repo.Declarations & { updatedAt?: string }) | null) => {
      if (!x) return null;
      const { updatedAt: _ignored, ...rest } = x;
      return rest;
    };
    await auditBy(tx, auth, {
      organizationId,
      action: 'remote_work_pola_declarations.update',
      entityType: 'remote_work_pola_declarations',
      entityId: organizationId,
      before: strip(before),
      after: strip(after),
      ip: meta.ip ?? null,
    });
    return after;
  });
}
