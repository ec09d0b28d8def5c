/**
 * A relay in a child process, started from the built entry point (`dist/index.js`, what Cloud Run runs;
 * `npm test` builds it first), so a test can kill it the way an instance really dies: SIGKILL, with no
 * handler, no goodbye, and its Redis connections dropped by the kernel.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import type { Harness } from './support';

export interface RelayProcess {
  /** `http://localhost:<port>`, as `Relay.url`. */
  url: string;
  /** Every JSON log line it printed. */
  logs: Array<Record<string, unknown>>;
  /** Send a signal and, unless it is SIGSTOP or SIGCONT, wait for the process to end. */
  signal(signal: NodeJS.Signals): Promise<void>;
  /** Its exit code once it has exited (null while running or when a signal ended it). */
  exitCode(): number | null;
}

const ENTRY = path.resolve(__dirname, '../dist/index.js');

/**
 * Start a relay process with the test profile and these settings; the Harness kills it at cleanup.
 * `listenTimeoutMs`: how long it may take to listen (a loaded machine starts Node slowly). @default 20000
 */
export async function startRelayProcess(
  h: Harness,
  env: Record<string, string>,
  options: { listenTimeoutMs?: number } = {},
): Promise<RelayProcess> {
  const listenTimeoutMs = options.listenTimeoutMs ?? 20_000;
  const child: ChildProcess = spawn(process.execPath, [ENTRY], {
    // The emulator hosts and GCLOUD_PROJECT come from the environment `npm test` set up.
    env: { ...process.env, APP_ENV: 'test', PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  h.defer(async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGCONT');
      child.kill('SIGKILL');
      await exited;
    }
  });
  const logs: Array<Record<string, unknown>> = [];
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`The relay process did not listen within ${listenTimeoutMs} ms. ${stderr}`)),
      listenTimeoutMs,
    );
    let buffered = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) {
        let entry: Record<string, unknown>;
        try {
          entry = JSON.parse(line) as Record<string, unknown>;
        } catch {
          entry = { message: line };
        }
        logs.push(entry);
        if (typeof entry.port === 'number' && String(entry.message).startsWith('Relay listening')) {
          clearTimeout(timer);
          resolve(entry.port);
        }
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`The relay process exited (${code}) before it listened. ${stderr}`));
    });
  });
  return {
    url: `http://localhost:${port}`,
    logs,
    async signal(signal) {
      child.kill(signal);
      if (signal !== 'SIGSTOP' && signal !== 'SIGCONT') await exited;
    },
    exitCode: () => child.exitCode,
  };
}
