/**
 * The Socket.IO relay in the local stack (`npm start`): a throwaway Redis, then the relay itself as a child
 * process (the built `realtime-server/dist/index.js`, as Cloud Run runs it) against the emulators.
 * Ports: RELAY_PORT (default 8090) and REDIS_PORT (default 6390), both shifted by STACK_PORT_OFFSET.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { stopTree } from './process-tree';
import { startRedis, type RunningRedis } from './redis';

export interface LocalRelay {
  url: string;
  redisUrl: string;
  stop(): Promise<void>;
}

export interface LocalRelayOptions {
  root: string;
  offset: number;
  /** GCLOUD_PROJECT, FIRESTORE_EMULATOR_HOST, FIREBASE_AUTH_EMULATOR_HOST. */
  emulatorEnv: Record<string, string>;
  say(line: string): void;
  /** Browser origins the relay allows (the web app's). @default process.env.CORS_ORIGINS or the Vite dev server */
  corsOrigins?: string[];
}

/** The local relay's port and its Redis's for a stack offset. */
export function localRelayPorts(offset: number): { relay: number; redis: number } {
  return {
    relay: Number(process.env.RELAY_PORT ?? 8090) + offset,
    redis: Number(process.env.REDIS_PORT ?? 6390) + offset,
  };
}

/** Where the local relay listens for a stack offset (the web app's config names it before it starts). */
export function localRelayUrl(offset: number): string {
  return `http://127.0.0.1:${localRelayPorts(offset).relay}`;
}

export async function startLocalRelay(options: LocalRelayOptions): Promise<LocalRelay> {
  const url = localRelayUrl(options.offset);
  const port = Number(new URL(url).port);
  const redis: RunningRedis = await startRedis(localRelayPorts(options.offset).redis);
  options.say(`Redis on ${redis.url}`);
  let child: ChildProcess | undefined;
  // The relay drains and exits within SHUTDOWN_GRACE_MS; its Redis stops only after that, so the relay
  // never loses Redis in the middle of its shutdown.
  const stop = async () => {
    if (child) await stopTree(child, { signal: 'SIGTERM', graceMs: 10_000 });
    await redis.stop();
  };
  try {
    child = spawn(process.execPath, [path.join(options.root, 'realtime-server/dist/index.js')], {
      cwd: options.root,
      env: {
        ...process.env,
        ...options.emulatorEnv,
        APP_ENV: 'local',
        PORT: String(port),
        REDIS_URL: redis.url,
        CORS_ORIGINS: options.corsOrigins?.join(',') ?? process.env.CORS_ORIGINS ?? 'http://localhost:5173',
        SHUTDOWN_GRACE_MS: '3000',
        ...functionsSendLimit(options.root),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
      // Its own process group: a terminal's Ctrl-C reaches the stack only, which stops the relay in order.
      detached: true,
    });
    const prefix = (chunk: Buffer) =>
      chunk
        .toString()
        .split('\n')
        .filter(Boolean)
        .forEach((line) => process.stdout.write(`[relay] ${line}\n`));
    child.stdout?.on('data', prefix);
    child.stderr?.on('data', prefix);
    const deadline = Date.now() + 30_000;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`The relay exited (code ${child.exitCode}) before it was ready.`);
      if (await fetch(`${url}/healthz`).then((r) => r.ok, () => false)) break;
      if (Date.now() > deadline) throw new Error('The relay was not ready within 30 s.');
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    return { url, redisUrl: redis.url, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/**
 * The send limit the Functions emulator runs with (it reads `functions/.env.local`). The relay counts socket
 * sends in the same Firestore counters, so both must use the same window for a user's REST and socket sends
 * to share one budget.
 */
function functionsSendLimit(root: string): Record<string, string> {
  const wanted = new Set(['RATE_LIMIT_WINDOW_SECONDS', 'RATE_LIMIT_SENDS_PER_USER']);
  const lines = readFileSync(path.join(root, 'functions/.env.local'), 'utf8').split('\n');
  return Object.fromEntries(
    lines
      .map((line) => line.trim().split('=', 2) as [string, string | undefined])
      .filter((pair): pair is [string, string] => wanted.has(pair[0]) && pair[1] !== undefined),
  );
}
