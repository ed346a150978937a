/** The people of a body with their roles, a page at a time. */
import type { Db } from '../../platform/db/index.js';
import type { Actor } from '../../platform/auth/actor.js';
import * as repo from './people.repo.js';
import { assertCanManage, memberView, type Member } from './members.js';

export async function listMembers(
  db: Db,
  actor: Actor,
  organizationId: string,
  page: { limit: number; offset: number },
): Promise<{ items: Member[]; total: number }> {
  assertCanManage(actor, organizationId);
  return db.tx(actor.db, async (tx) => {
    const r = await repo.listMembers(tx, organizationId, page.limit, page.offset);
    return { items: r.rows.map(memberView), total: r.total };
  });
}
