import { existsSync } from 'node:fs';
import path from 'node:path';

/**
 * How many requests the Functions emulator runs at once. firebase-tools runs each in its own function
 * runtime process (~130 MB) and keeps that process alive, idle, afterwards; left at its own default of
 * 50, a burst of traffic grew one stack to 120 runtimes and exhausted the machine's memory. More requests
 * than this wait in firebase-tools' queue, which a laptop's cores would serve no faster anyway.
 */
export function functionsEmulatorParallel(env: NodeJS.ProcessEnv = process.env): number {
  const value = Number(env.FUNCTIONS_EMULATOR_PARALLEL ?? 8);
  if (!Number.isInteger(value) || value < 1) {
    throw new Error(`FUNCTIONS_EMULATOR_PARALLEL must be a whole number of at least 1 (got ${value}).`);
  }
  return value;
}

/**
 * Why the Functions emulator cannot load the functions, or null. firebase-tools only logs a missing bundle
 * and reports itself ready, so the stack used to wait out its 120 s for an api function that never came.
 */
export function functionsBundleProblem(root: string): string | null {
  const main = path.join(root, 'functions', 'lib', 'index.js');
  if (existsSync(main)) return null;
  return `${path.relative(root, main)} is not built: run npm run build (npm start and npm test build it first).`;
}
