import type { ChildProcess } from 'node:child_process';

/**
 * The child processes a bench starts (emulators, servers, senders), killed when the bench's process ends for
 * any reason: finished, failed (`process.exit` in its catch), or stopped by SIGINT or SIGTERM (`timeout`,
 * a supervisor). A bench that failed half-way used to leave its Firestore emulator running, its parent gone.
 */
const children = new Set<ChildProcess>();

function killOwned(): void {
  for (const child of children) child.kill('SIGKILL');
}

let hooked = false;

/** Registers `child` to be killed with this process; returns it. */
export function owned<T extends ChildProcess>(child: T): T {
  if (!hooked) {
    hooked = true;
    process.once('exit', killOwned);
    process.once('SIGINT', () => process.exit(130));
    process.once('SIGTERM', () => process.exit(143));
  }
  children.add(child);
  child.once('exit', () => children.delete(child));
  return child;
}
