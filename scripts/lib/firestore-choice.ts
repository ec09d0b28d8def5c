/**
 * Which Firestore emulator the local stack runs.
 *
 * - `official`: firebase-tools starts Google's emulator (needs Java 21 and its one-time download).
 * - `node`: our in-memory emulator, `@chat/firestore-emulator`, started in this process.
 * - `auto` (default): official when `java -version` reports 21 or newer, node otherwise.
 *
 * Force one with `FIRESTORE_EMULATOR=official|node`.
 */
import { spawnSync } from 'node:child_process';

export type FirestoreChoice = 'official' | 'node';

export function javaMajorVersion(): number | null {
  const result = spawnSync('java', ['-version'], { encoding: 'utf8' });
  if (result.error || result.status !== 0) return null;
  const match = /version "(\d+)(?:\.(\d+))?/.exec(`${result.stderr}${result.stdout}`);
  if (!match?.[1]) return null;
  const major = Number(match[1]);
  return major === 1 && match[2] ? Number(match[2]) : major;
}

export function chooseFirestore(setting = process.env.FIRESTORE_EMULATOR ?? 'auto'): { choice: FirestoreChoice; why: string } {
  if (setting === 'official' || setting === 'node') return { choice: setting, why: `FIRESTORE_EMULATOR=${setting}` };
  if (setting !== 'auto') {
    throw new Error(`FIRESTORE_EMULATOR must be official, node or auto (got "${setting}").`);
  }
  const java = javaMajorVersion();
  if (java !== null && java >= 21) return { choice: 'official', why: `Java ${java} found` };
  return { choice: 'node', why: java === null ? 'no Java found' : `Java ${java} is older than 21` };
}
