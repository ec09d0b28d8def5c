import { EMULATOR_GLOBAL, type StartedEmulator } from './global-setup';

/** Stops the emulator global-setup started, if it started one; an external emulator is left alone. */
export default async function globalTeardown(): Promise<void> {
  const store = globalThis as Record<string, unknown>;
  const emulator = store[EMULATOR_GLOBAL] as StartedEmulator | undefined;
  if (!emulator) return;
  delete store[EMULATOR_GLOBAL];
  delete process.env.FIRESTORE_EMULATOR_HOST;
  await emulator.stop();
}
