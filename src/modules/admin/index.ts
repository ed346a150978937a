/** The admin module's face: its use cases, for the CLI and other modules. */
export { listAuditEntries } from './list-audit-entries.js';
export { exportAuditEntries } from './export-audit-entries.js';
export { verifyAuditChain } from './verify-audit-chain.js';
export { listOutboxMessages } from './list-outbox-messages.js';
export { showOutboxMessage } from './show-outbox-message.js';
export { summarizeJobs } from './summarize-jobs.js';
export { adminModule } from './module.js';
