/** One message of the outbox, parsed: headers, text, HTML and the attachments' names. */
import type { Config } from '../../../platform/config.js';
import type { AuthContext } from '../../../platform/auth/context.js';
import { requirePlatformAdmin } from '../audit-scope.js';
import { isOutboxId, outboxDir, readOutboxMessage } from '../../../platform/mail/index.js';
import { adminErrors } from '../admin.errors.js';

export function showOutboxMessage(config: Pick<Config, 'dataDir'>, auth: AuthContext, id: string) {
  requirePlatformAdmin(auth);
  // Only plain file names ending in .eml: "../", "/" and hidden files never reach the file system.
  if (!isOutboxId(id)) throw adminErrors.outboxInvalidId('Usa il nome di un file .eml della posta in uscita.');
  const m = readOutboxMessage(outboxDir(config), id);
  if (!m) throw adminErrors.outboxNotFound();
  return {
    id: m.id,
    size: m.size,
    headers: m.headers.slice(0, 500),
    text: m.text,
    html: m.html,
    attachments: m.attachments.slice(0, 200).map((a) => ({ filename: a.filename, contentType: a.contentType, size: a.size })),
  };
}
