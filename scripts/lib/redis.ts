/**
 * A throwaway Redis for the local stack and the relay's tests: Debian's `redis-server` on a free port, no
 * persistence, stopped with the process that started it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';

export interface RunningRedis {
  url: string;
  port: number;
  /** Send `redis-server` a signal: SIGSTOP freezes it (connections stay open, nothing answers), SIGCONT thaws it. */
  signal(signal: 'SIGSTOP' | 'SIGCONT'): void;
  stop(): Promise<void>;
}

/** A port nobody listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export async function startRedis(port?: number): Promise<RunningRedis> {
  const chosen = port ?? (await freePort());
  const child: ChildProcess = spawn(
    'redis-server',
    ['--port', String(chosen), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--protected-mode', 'no'],
    // Its own process group, so a terminal's Ctrl-C does not stop it before whoever uses it has finished.
    { stdio: ['ignore', 'pipe', 'ignore'], detached: true },
  );
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`redis-server did not start within 10 s:\n${output}`)), 10_000);
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(
        new Error(
          `Could not run redis-server (${error.message}). Install it: apt-get install -y redis-server`,
        ),
      );
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`redis-server exited with code ${code}:\n${output}`));
    });
    const watch = (chunk: Buffer) => {
      output += chunk.toString();
      if (!output.includes('Ready to accept connections')) return;
      clearTimeout(timer);
      child.removeAllListeners('exit');
      child.stdout?.off('data', watch);
      child.stdout?.resume(); // keep draining its log so it never blocks on a full pipe
      resolve();
    };
    child.stdout?.on('data', watch);
  });
  return {
    url: `redis://127.0.0.1:${chosen}`,
    port: chosen,
    signal: (signal) => void child.kill(signal),
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.kill('SIGCONT'); // a frozen one cannot act on SIGTERM
        // Nothing is persisted, so a slow SIGTERM shutdown is not worth waiting for.
        const kill = setTimeout(() => child.kill('SIGKILL'), 1000);
        child.once('exit', () => {
          clearTimeout(kill);
          resolve();
        });
        child.kill('SIGTERM');
      }),
  };
}
