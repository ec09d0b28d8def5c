/** Messages in the API's (createdAt, id) order. */
export function compareMessages(
  a: { createdAt: string; id: string },
  b: { createdAt: string; id: string },
): number {
  if (a.createdAt !== b.createdAt) return a.createdAt < b.createdAt ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** A fresh idempotency key for one send. */
export function newClientMessageId(): string {
  return `w-${crypto.randomUUID()}`;
}
