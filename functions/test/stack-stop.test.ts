/**
 * `npm start` stops whole on Ctrl-C: a second stack (its own ports, shifted by one from this run's) is
 * started as `npm start` runs it, given traffic that wakes function runtimes and triggers, then sent SIGINT
 * the way a terminal sends it (to its whole process group). Afterwards no process of that stack may be
 * left: none under it in `ps`, and none carrying its environment marker anywhere on the machine. The relay
 * must have finished its shutdown before its Redis stopped.
 */
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { descendants, runningPids } from '../../scripts/lib/process-tree';

const ROOT = path.resolve(__dirname, '../..');
// Far enough from the running stack's offset that no port of one lands on a port of the other (Hosting's
// 5000 sits one below the Functions emulator's 5001).
const OFFSET = Number(process.env.STACK_PORT_OFFSET ?? 100) + 50;
const MARKER = `STACK_STOP_TEST=${randomUUID()}`;
const AUTH = `http://127.0.0.1:${9099 + OFFSET}`;

/** The pids whose environment holds this test's marker (Linux: /proc). */
function markedPids(): number[] {
  const found: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/environ`, 'latin1').split('\0').includes(MARKER)) {
        found.push(Number(entry));
      }
    } catch {
      // Gone meanwhile, or not ours to read.
    }
  }
  const running = runningPids();
  return found.filter((pid) => running.has(pid));
}

function commandOf(pid: number): string {
  try {
    return execFileSync('ps', ['-o', 'args=', '-p', String(pid)], { encoding: 'utf8' }).trim();
  } catch {
    return '';
  }
}

async function signIn(email: string): Promise<string> {
  const res = await fetch(`${AUTH}/identitytoolkit.googleapis.com/v1/accounts:signInWithPassword?key=any`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: 'demo-password', returnSecureToken: true }),
  });
  return ((await res.json()) as { idToken: string }).idToken;
}

const describeOnLinux = existsSync('/proc/self/environ') ? describe : describe.skip;
if (!existsSync('/proc/self/environ')) {
  process.stdout.write(
    'stack-stop.test.ts skipped: it reads process environments from /proc (Linux only).\n',
  );
}

describeOnLinux('npm start, then Ctrl-C', () => {
  let stack: ChildProcess | undefined;
  let output = '';

  afterAll(() => {
    // Whatever the outcome, leave nothing of the second stack behind: what carries the marker, and what
    // runs under the stack (redis-server rewrites its process title over its environment, so only the
    // tree finds it).
    const tree = stack?.pid && stack.exitCode === null ? descendants(stack.pid) : [];
    for (const pid of new Set([...tree, ...markedPids()])) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // Already gone.
      }
    }
  });

  it('when the stack got traffic and then SIGINT, then no process of it is left and the relay stopped before Redis', async () => {
    const env: NodeJS.ProcessEnv = { ...process.env, STACK_PORT_OFFSET: String(OFFSET) };
    // This run's emulator addresses must not leak into the second stack.
    for (const name of [
      'FIRESTORE_EMULATOR_HOST',
      'FIREBASE_AUTH_EMULATOR_HOST',
      'NODE_FIRESTORE_EMULATOR_HOST',
      'API_URL',
      'GCLOUD_PROJECT',
      'FIRESTORE_EMULATOR_KIND',
    ]) {
      delete env[name];
    }
    const [markerName, markerValue] = MARKER.split('=') as [string, string];
    env[markerName] = markerValue;
    stack = spawn(process.execPath, [require.resolve('tsx/cli'), 'scripts/stack.ts', 'start'], {
      cwd: ROOT,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true, // its own process group, as a terminal gives it
    });
    const exited = new Promise<number | null>((resolve) => stack?.once('exit', (code) => resolve(code)));
    stack.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    stack.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));

    const apiUrl = await new Promise<string>((resolve, reject) => {
      const timer = setInterval(() => {
        const match = output.match(/REST API\s+(\S+)/);
        if (match?.[1]) {
          clearInterval(timer);
          resolve(match[1]);
        } else if (stack?.exitCode !== null) {
          clearInterval(timer);
          reject(new Error(`The stack exited before it was up:\n${output.slice(-3000)}`));
        }
      }, 250);
    });

    // Traffic: concurrent requests (each busy runtime makes the emulator start another) and writes that
    // run the Firestore triggers.
    const [alice, bob] = await Promise.all([signIn('alice@example.com'), signIn('bob@example.com')]);
    const call = (token: string, method: string, route: string, body?: unknown) =>
      fetch(`${apiUrl}${route}`, {
        method,
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        ...(body ? { body: JSON.stringify(body) } : {}),
      });
    const openedResponse = await call(alice, 'POST', '/chats', { type: 'direct', memberId: 'bob' });
    expect([200, 201]).toContain(openedResponse.status);
    const opened = (await openedResponse.json()) as { id: string };
    await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        call(i % 2 ? alice : bob, 'POST', `/chats/${opened.id}/messages`, { text: `load ${i}` }),
      ),
    );
    await Promise.all(Array.from({ length: 12 }, () => fetch(`${apiUrl}/ping`)));

    const tree = descendants(stack.pid as number);
    const runtimes = tree.filter((pid) => commandOf(pid).includes('functionsEmulatorRuntime'));
    expect(runtimes.length).toBeGreaterThan(0);
    // The marker finds the stack's processes (Redis rewrites its own environment, so not every one).
    expect(markedPids().length).toBeGreaterThan(0);

    // Some traffic still in flight, as when someone presses Ctrl-C mid-use.
    const inFlight = Array.from({ length: 6 }, (_, i) =>
      call(alice, 'POST', `/chats/${opened.id}/messages`, { text: `late ${i}` }).catch(() => null),
    );
    process.kill(-(stack.pid as number), 'SIGINT');
    await Promise.all(inFlight);
    const code = await exited;

    const left = markedPids().map((pid) => `${pid} ${commandOf(pid)}`);
    expect(left).toEqual([]);
    expect(tree.filter((pid) => runningPids().has(pid) && commandOf(pid) !== '')).toEqual([]);
    expect(code).toBe(130);
    // The relay drained and said so; it did not die on a lost Redis.
    const relayLines = output.split('\n').filter((line) => line.startsWith('[relay]'));
    expect(relayLines.some((line) => line.includes('Shut down in'))).toBe(true);
    expect(relayLines.filter((line) => /ECONNRESET|Unhandled rejection|Redis error/.test(line))).toEqual([]);
  }, 300_000);
});
