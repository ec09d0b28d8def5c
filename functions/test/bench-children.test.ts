/**
 * The benches (`bench/`) start emulators and servers as child processes; whatever way a bench ends, none of
 * them may outlive it. A bench that threw used to leave its Firestore emulator running, its parent gone.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runningPids } from '../../scripts/lib/process-tree';

const OWNED_CHILDREN = path.resolve(__dirname, '../../bench/owned-children.ts');

/** Alive, not a zombie: a killed orphan stays a zombie until the machine's init reaps it. */
const running = (pid: number): boolean => runningPids().has(pid);

/** Runs a bench-like script that starts a long child, prints its pid, then ends as `end` says. */
async function childAfter(end: 'throws' | 'SIGTERM'): Promise<number> {
  const script = path.join(mkdtempSync(path.join(tmpdir(), 'bench-children-')), 'bench.ts');
  writeFileSync(
    script,
    [
      `import { spawn } from 'node:child_process';`,
      `import { owned } from ${JSON.stringify(OWNED_CHILDREN)};`,
      `const child = owned(spawn('sleep', ['60'], { stdio: 'ignore' }));`,
      `console.log(child.pid);`,
      end === 'throws'
        ? `setTimeout(() => Promise.reject(new Error('bench failed')).catch(() => process.exit(1)), 100);`
        : `setInterval(() => undefined, 1000);`,
    ].join('\n'),
  );
  const bench = spawn(process.execPath, ['--import', 'tsx', script], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const pid = await new Promise<number>((resolve) =>
    bench.stdout.once('data', (chunk: Buffer) => resolve(Number(chunk.toString().trim()))),
  );
  expect(running(pid)).toBe(true);
  if (end === 'SIGTERM') bench.kill('SIGTERM');
  await new Promise((resolve) => bench.once('exit', resolve));
  return pid;
}

describe('A bench’s child processes', () => {
  afterAll(() => {
    // Whatever the outcome, no sleep of ours stays behind.
    spawnSync('pkill', ['-f', '^sleep 60$']);
  });

  it('when the bench fails and exits, then its children are killed', async () => {
    const pid = await childAfter('throws');
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(running(pid)).toBe(false);
  });

  it('when the bench is stopped with SIGTERM, then its children are killed', async () => {
    const pid = await childAfter('SIGTERM');
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(running(pid)).toBe(false);
  });
});
