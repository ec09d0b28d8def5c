/**
 * The Functions emulator runs each request in its own runtime process and keeps it alive afterwards, so
 * the number of runtimes a stack ever holds is the most requests it ran at once. The stack caps that at
 * FUNCTIONS_EMULATOR_PARALLEL: a burst larger than the cap is queued and answered in full, and the api
 * function never holds more runtimes than the cap (before the cap, bursts left 120 runtimes, ~130 MB each).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { descendants } from '../../scripts/lib/process-tree';
import { functionsBundleProblem, functionsEmulatorParallel } from '../../scripts/lib/functions-emulator';
import { requireEnv } from './support';

const API_URL = requireEnv('API_URL');
const OFFSET = requireEnv('STACK_PORT_OFFSET');

/** Pid and command line of every process now. */
function processTable(): { pid: number; args: string }[] {
  return execFileSync('ps', ['-A', '-o', 'pid=,args='], { encoding: 'utf8' })
    .split('\n')
    .map((line) => line.trim().match(/^(\d+)\s+(.*)$/))
    .filter((match): match is RegExpMatchArray => match !== null)
    .map((match) => ({ pid: Number(match[1]), args: match[2] as string }));
}

/** Which function a runtime serves: firebase-tools sets FUNCTION_TARGET in its environment. */
function functionTarget(pid: number): string | undefined {
  try {
    const environ = readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0');
    return environ.find((entry) => entry.startsWith('FUNCTION_TARGET='))?.slice('FUNCTION_TARGET='.length);
  } catch {
    return undefined; // exited meanwhile
  }
}

/**
 * The runtimes of the api function under this test stack's firebase-tools (found by its per-offset
 * config file). Trigger runtimes are left out: other suites running beside this one start those.
 */
function apiRuntimeCount(): number {
  const table = processTable();
  const firebase = table.find(
    (p) => p.args.includes('emulators:start') && p.args.includes(`firebase.stack-${OFFSET}.json`),
  );
  if (!firebase) throw new Error(`no firebase-tools process found for firebase.stack-${OFFSET}.json`);
  const under = new Set(descendants(firebase.pid));
  return table.filter(
    (p) => under.has(p.pid) && p.args.includes('functionsEmulatorRuntime') && functionTarget(p.pid) === 'api',
  ).length;
}

it('when a burst of requests is four times the cap, then all are answered and the api never has more runtimes than the cap', async () => {
  const cap = functionsEmulatorParallel();

  const burst = await Promise.all(
    Array.from({ length: cap * 4 }, () => fetch(`${API_URL}/ping`).then((res) => res.status)),
  );

  expect(burst).toEqual(Array.from({ length: cap * 4 }, () => 200));
  // Busy runtimes never exceed the cap and idle ones are reused, so this holds for the stack's whole life,
  // whatever the suites beside this one send.
  expect(apiRuntimeCount()).toBeLessThanOrEqual(cap);
});

it('when the functions bundle is not built, then the stack is told what to run instead of waiting for the api', () => {
  const root = mkdtempSync(path.join(tmpdir(), 'bundle-'));
  try {
    expect(functionsBundleProblem(root)).toBe(
      'functions/lib/index.js is not built: run npm run build (npm start and npm test build it first).',
    );
    mkdirSync(path.join(root, 'functions', 'lib'), { recursive: true });
    writeFileSync(path.join(root, 'functions', 'lib', 'index.js'), '');
    expect(functionsBundleProblem(root)).toBeNull();
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
