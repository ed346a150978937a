/** The audit slice's face: reading, exporting and verifying a body's audit chain. */
export { auditEntriesRoutes } from './audit-entries.route.js';
export { listAuditEntries } from './list-audit-entries.js';
export { exportAuditEntries } from './export-audit-entries.js';
export { verifyAuditChain } from './verify-audit-chain.js';
