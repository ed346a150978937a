/** The outbox (DATA_DIR/outbox, used when no SMTP_URL is set), newest first: platform administrators. */
import type { Config } from '../../../platform/config.js';
import type { AuthContext } from '../../../platform/auth/context.js';
import { requirePlatformAdmin } from '../audit-scope.js';
import { listOutbox, outboxDir, type OutboxSummary } from '../../../platform/mail/index.js';

export function listOutboxMessages(config: Pick<Config, 'dataDir'>, auth: AuthContext, q: { page: number; pageSize: number }): { items: OutboxSummary[]; page: number; pageSize: number; total: number } {
  requirePlatformAdmin(auth);
  const { items, total } = listOutbox(outboxDir(config), q.page, q.pageSize);
  return { items, page: q.page, pageSize: q.pageSize, total };
}
