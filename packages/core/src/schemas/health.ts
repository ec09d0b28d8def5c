import { z } from 'zod';

/** Whether Firestore answered a health read, and how fast. */
export const FirestoreHealth = z.object({
  reachable: z.boolean(),
  latencyMs: z.number(),
  error: z.string().optional(),
});
export type FirestoreHealth = z.infer<typeof FirestoreHealth>;

/**
 * The body of `GET /ping`, which anyone may call: only whether the API can serve. What is wrong (the
 * environment, Firestore's own error, latencies) goes to the logs, not to strangers.
 */
export const Ping = z.strictObject({
  status: z.enum(['ok', 'degraded']),
});
export type Ping = z.infer<typeof Ping>;
