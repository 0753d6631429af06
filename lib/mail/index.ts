// The mail domain's public face: render, enqueue inside a transaction, kick delivery.
export { renderEmail, brand } from './render';
export { enqueueEmail, cancelQueuedEmails, InvalidEmailError } from './outbox';
export { kickMailDelivery } from './deliver';
