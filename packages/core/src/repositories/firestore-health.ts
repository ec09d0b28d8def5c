import type { Firestore } from 'firebase-admin/firestore';
import type { FirestoreHealth } from '../schemas/health';

/**
 * Whether Firestore answers a read within `timeoutMs`. Reads a document that never exists, so it costs one
 * read and touches no data.
 */
export async function checkFirestore(db: Firestore, timeoutMs = 2000): Promise<FirestoreHealth> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    await Promise.race([db.collection('_health').doc('ping').get(), timeout]);
    return { reachable: true, latencyMs: Math.round(performance.now() - started) };
  } catch (error) {
    return {
      reachable: false,
      latencyMs: Math.round(performance.now() - started),
      error: error instanceof Error ? error.message : String(error),
    };
  } finally {
    clearTimeout(timer);
  }
}
