/**
 * Stopping a child and everything it started. firebase-tools spawns a function runtime per busy function
 * (and more under load), in its own process group; when its main process exits, runtimes that were busy
 * or stuck can outlive it. So: signal the group, wait for the main process within a grace period, then
 * SIGKILL the group and every process ever seen under the child, and wait until none is left.
 */
import { execFileSync, type ChildProcess } from 'node:child_process';

/** The pids of every descendant of `root` now (children, their children, …), from `ps`. */
export function descendants(root: number): number[] {
  let table: string;
  try {
    table = execFileSync('ps', ['-A', '-o', 'pid=,ppid='], { encoding: 'utf8' });
  } catch {
    return [];
  }
  const children = new Map<number, number[]>();
  for (const line of table.split('\n')) {
    const [pid, ppid] = line.trim().split(/\s+/).map(Number);
    if (!pid || ppid === undefined || Number.isNaN(ppid)) continue;
    children.set(ppid, [...(children.get(ppid) ?? []), pid]);
  }
  const found: number[] = [];
  const queue = [root];
  while (queue.length > 0) {
    for (const child of children.get(queue.shift() as number) ?? []) {
      found.push(child);
      queue.push(child);
    }
  }
  return found;
}

/** The pids running now, zombies left out (an exited process whose parent has not reaped it is gone). */
export function runningPids(): Set<number> {
  let table: string;
  try {
    table = execFileSync('ps', ['-A', '-o', 'pid=,stat='], { encoding: 'utf8' });
  } catch {
    return new Set();
  }
  const running = new Set<number>();
  for (const line of table.split('\n')) {
    const [pid, stat] = line.trim().split(/\s+/);
    if (pid && stat && !stat.startsWith('Z')) running.add(Number(pid));
  }
  return running;
}

function signal(target: number, sig: NodeJS.Signals): void {
  try {
    process.kill(target, sig);
  } catch {
    // Already gone.
  }
}

export interface StopTreeOptions {
  /** The signal that asks for a clean stop. @default 'SIGINT' */
  signal?: NodeJS.Signals;
  /** How long the main process may take to stop cleanly before everything is killed. @default 10000 */
  graceMs?: number;
  /** After the main process exited, how long its leftovers may take to follow. @default 2000 */
  leftoverGraceMs?: number;
}

/**
 * Stop `child` (spawned with `detached: true`, so it leads its own process group) and its whole tree.
 * Resolves when no process of the tree is alive.
 */
export async function stopTree(child: ChildProcess, options: StopTreeOptions = {}): Promise<void> {
  const pid = child.pid;
  if (pid === undefined) return;
  const graceMs = options.graceMs ?? 10_000;
  const leftoverGraceMs = options.leftoverGraceMs ?? 2_000;
  // Remember every process ever seen under the child: once the main process exits, its orphans are
  // re-parented to init and no longer show up as its descendants.
  const seen = new Set<number>(descendants(pid));
  const watch = setInterval(() => descendants(pid).forEach((p) => seen.add(p)), 200);
  const exited =
    child.exitCode !== null || child.signalCode !== null
      ? Promise.resolve()
      : new Promise<void>((resolve) => child.once('exit', () => resolve()));
  try {
    signal(-pid, options.signal ?? 'SIGINT');
    const inTime = await Promise.race([
      exited.then(() => true),
      new Promise<boolean>((resolve) => setTimeout(() => resolve(false), graceMs).unref()),
    ]);
    if (!inTime) signal(-pid, 'SIGKILL');
    await exited;
  } finally {
    clearInterval(watch);
  }
  // Leftovers: first asked (the group, and anyone who left it), then killed.
  const leftovers = () => {
    const running = runningPids();
    return [...seen].filter((p) => running.has(p));
  };
  signal(-pid, 'SIGTERM');
  leftovers().forEach((p) => signal(p, 'SIGTERM'));
  const deadline = Date.now() + leftoverGraceMs;
  while (leftovers().length > 0 && Date.now() < deadline) await sleep(100);
  signal(-pid, 'SIGKILL');
  leftovers().forEach((p) => signal(p, 'SIGKILL'));
  const killDeadline = Date.now() + 5_000;
  while (leftovers().length > 0 && Date.now() < killDeadline) await sleep(50);
  const stuck = leftovers();
  if (stuck.length > 0) throw new Error(`Processes ${stuck.join(', ')} survived SIGKILL.`);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
