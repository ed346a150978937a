/** The outbox slice's face: the messages written to DATA_DIR/outbox, for the platform admin. */
export { outboxMessagesRoutes } from './outbox-messages.route.js';
export { listOutboxMessages } from './list-outbox-messages.js';
export { showOutboxMessage } from './show-outbox-message.js';
