import path from 'node:path';
import fs from 'node:fs';

/** What the conformance suite needs from a started emulator; mirrors `startEmulator`'s result. */
export interface StartedEmulator {
  hostAndPort: string;
  stop(): Promise<void>;
}

/** Where global-setup leaves the emulator it started, for global-teardown (same process). */
export const EMULATOR_GLOBAL = '__firestoreConformanceEmulator';

type StartEmulator = (options: { host?: string; port?: number }) => Promise<StartedEmulator>;

function isStartEmulator(value: unknown): value is StartEmulator {
  return typeof value === 'function';
}

/**
 * Starts our Node emulator on a free port unless FIRESTORE_EMULATOR_HOST already points at one
 * (the official emulator in CI, or the local stack). Workers are forked after this runs, so they
 * inherit the variable.
 */
export default async function globalSetup(): Promise<void> {
  if (process.env.FIRESTORE_EMULATOR_HOST) return;
  // The built package is what ships and what `npm test` builds first.
  const entry = path.resolve(__dirname, '../../dist/index.js');
  if (!fs.existsSync(entry)) {
    throw new Error(
      `Conformance: ${entry} is missing; build first (npx tsc -b packages/firestore-emulator) or set FIRESTORE_EMULATOR_HOST`,
    );
  }
  const loaded: unknown = await import(entry);
  const startEmulator: unknown = (loaded as { startEmulator?: unknown }).startEmulator;
  if (!isStartEmulator(startEmulator))
    throw new Error(`Conformance: ${entry} does not export startEmulator()`);
  const emulator = await startEmulator({ host: '127.0.0.1', port: 0 });
  process.env.FIRESTORE_EMULATOR_HOST = emulator.hostAndPort;
  (globalThis as Record<string, unknown>)[EMULATOR_GLOBAL] = emulator;
}
