import { z } from 'zod';

/** Whether Firestore answered a health read, and how fast. */
export const FirestoreHealth = z.object({
  reachable: z.boolean(),
  latencyMs: z.number(),
  error: z.string().optional(),
});
export type FirestoreHealth = z.infer<typeof FirestoreHealth>;

/** The body of `GET /ping`. */
export const Ping = z.object({
  status: z.enum(['ok', 'degraded']),
  env: z.enum(['local', 'test', 'production']),
  time: z.iso.datetime(),
  firestore: FirestoreHealth,
});
export type Ping = z.infer<typeof Ping>;
