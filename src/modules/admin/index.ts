/** The admin module's face: its use cases, for the CLI and other modules. */
export { exportAuditEntries, listAuditEntries, verifyAuditChain } from './audit/index.js';
export { listOutboxMessages, showOutboxMessage } from './outbox/index.js';
export { summarizeJobs } from './jobs/index.js';
export { adminModule } from './module.js';
