/**
 * Which Firestore emulator the local stack runs.
 *
 * - `node` (default): our in-memory emulator, `@chat/firestore-emulator`, started in this process.
 * - `official`: firebase-tools starts Google's emulator (needs Java 21 as `java` on PATH, and its one-time
 *   download).
 * - `auto`: official when `java -version` reports 21 or newer, node otherwise.
 *
 * Force one with `FIRESTORE_EMULATOR=official|node|auto`. Whatever runs here, `npm test` also checks the
 * conformance suite and the rules tests against a locally installed official emulator (official-checks.ts).
 */
import { javaMajorVersion } from './official-firestore';

export type FirestoreChoice = 'official' | 'node';

export function chooseFirestore(setting = process.env.FIRESTORE_EMULATOR ?? 'node'): {
  choice: FirestoreChoice;
  why: string;
} {
  if (setting === 'official' || setting === 'node') {
    return { choice: setting, why: process.env.FIRESTORE_EMULATOR ? `FIRESTORE_EMULATOR=${setting}` : 'the default' };
  }
  if (setting !== 'auto') {
    throw new Error(`FIRESTORE_EMULATOR must be official, node or auto (got "${setting}").`);
  }
  const java = javaMajorVersion();
  if (java !== null && java >= 21) return { choice: 'official', why: `Java ${java} found` };
  return { choice: 'node', why: java === null ? 'no Java found' : `Java ${java} is older than 21` };
}
