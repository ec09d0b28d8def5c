/**
 * The bundle `firebase deploy` uploads, checked on Node 22 (the production runtime, from the npm registry
 * when this machine's Node is another version) with the staging params:
 * - the Functions SDK's own discovery (the `firebase-functions` bin firebase-tools runs at deploy time)
 *   lists exactly the functions we mean to deploy, with their regions, memory, retry and secrets;
 * - served as the runtime serves it, it answers /ping with production params and refuses to start with bad
 *   ones, naming them.
 */
import { spawn, execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseConfig } from '../src/config';
import { node22 } from '../../scripts/lib/node22';

const ROOT = path.resolve(__dirname, '..', '..');
const FUNCTIONS_DIR = path.join(ROOT, 'functions');
const BUNDLE = path.join(FUNCTIONS_DIR, 'lib', 'index.js');
const NODE22 = node22();

// Node 22 processes that load the whole bundle: seconds each, more on a loaded machine.
jest.setTimeout(120_000);

/** A `functions/.env.<alias>` file as the environment firebase-tools gives the code. */
function paramsOf(alias: string): Record<string, string> {
  const lines = readFileSync(path.join(FUNCTIONS_DIR, `.env.${alias}`), 'utf8').split('\n');
  return Object.fromEntries(
    lines
      .filter((line) => /^[A-Z_]+=/.test(line))
      .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
  );
}

/** Only what the code may read: no emulator host, no credentials of this machine. */
function productionEnv(params: Record<string, string>): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    NODE_ENV: 'production',
    GCLOUD_PROJECT: 'your-staging-project-id',
    METADATA_SERVER_DETECTION: 'none',
    ...params,
  };
}

interface ManifestEndpoint {
  region: string[];
  availableMemoryMb?: number | null;
  timeoutSeconds?: number | null;
  secretEnvironmentVariables?: Array<{ key: string }>;
  httpsTrigger?: object;
  eventTrigger?: { eventType: string; eventFilterPathPatterns?: Record<string, string>; retry: boolean };
}

/** Run the SDK's discovery on Node 22 and return its manifest. */
function discover(): { endpoints: Record<string, ManifestEndpoint>; params?: Array<{ name: string }> } {
  const dir = mkdtempSync(path.join(tmpdir(), 'manifest-'));
  try {
    const output = path.join(dir, 'functions.json');
    execFileSync(
      NODE22,
      [path.join(ROOT, 'node_modules', 'firebase-functions', 'lib', 'bin', 'firebase-functions.js')],
      {
        cwd: FUNCTIONS_DIR,
        env: { ...productionEnv(paramsOf('staging')), FUNCTIONS_MANIFEST_OUTPUT_PATH: output },
        stdio: ['ignore', 'inherit', 'inherit'],
        timeout: 120_000,
      },
    );
    return JSON.parse(readFileSync(output, 'utf8'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('the deployed functions bundle on Node 22', () => {
  beforeAll(() => {
    if (!existsSync(BUNDLE)) throw new Error(`${BUNDLE} is missing: run npm run build (npm test does).`);
  });

  it('when the SDK discovers it with the staging params, then it lists exactly the expected functions', () => {
    const manifest = discover();
    const summary = Object.entries(manifest.endpoints)
      .map(([name, endpoint]) => ({
        name,
        region: endpoint.region,
        trigger: endpoint.httpsTrigger ? 'https' : endpoint.eventTrigger?.eventType,
        document: endpoint.eventTrigger?.eventFilterPathPatterns?.document,
        memoryMb: endpoint.availableMemoryMb ?? 'default',
        timeoutSeconds: endpoint.timeoutSeconds ?? 'default',
        retry: endpoint.eventTrigger?.retry ?? false,
        secrets: (endpoint.secretEnvironmentVariables ?? []).map((secret) => secret.key),
      }))
      .sort((a, b) => a.name.localeCompare(b.name));
    console.log(`Discovery on Node 22 (${NODE22}):\n${JSON.stringify(summary, null, 2)}`);
    const created = 'google.cloud.firestore.document.v1.created';
    expect(summary).toEqual([
      {
        name: 'announcementCreated',
        region: ['us-central1'],
        trigger: created,
        document: 'announcements/{announcementId}',
        memoryMb: 512,
        timeoutSeconds: 300,
        retry: true,
        secrets: [],
      },
      {
        name: 'api',
        region: ['us-central1'],
        trigger: 'https',
        document: undefined,
        memoryMb: 'default',
        timeoutSeconds: 'default',
        retry: false,
        secrets: [],
      },
      {
        name: 'chatDeletionRequested',
        region: ['us-central1'],
        trigger: created,
        document: 'chatDeletions/{chatId}',
        memoryMb: 512,
        timeoutSeconds: 540,
        retry: true,
        secrets: [],
      },
      {
        name: 'memberAdded',
        region: ['us-central1'],
        trigger: created,
        document: 'chats/{chatId}/members/{uid}',
        memoryMb: 512,
        timeoutSeconds: 300,
        retry: true,
        secrets: [],
      },
      {
        name: 'messageCreated',
        region: ['us-central1'],
        trigger: created,
        document: 'chats/{chatId}/messages/{messageId}',
        memoryMb: 512,
        timeoutSeconds: 300,
        retry: true,
        secrets: [],
      },
      {
        name: 'userCreated',
        region: ['us-central1'],
        trigger: created,
        document: 'users/{uid}',
        memoryMb: 'default',
        timeoutSeconds: 'default',
        retry: false,
        secrets: [],
      },
    ]);
    expect((manifest.params ?? []).map((param) => param.name).sort()).toEqual([
      'APP_ENV',
      'CORS_ORIGINS',
      'RATE_LIMIT_CHATS_PER_USER',
      'RATE_LIMIT_MEMBER_ADDS_PER_USER',
      'RATE_LIMIT_PER_IP',
      'RATE_LIMIT_PER_USER',
      'RATE_LIMIT_SENDS_PER_USER',
      'RATE_LIMIT_SLACK_PERCENT',
      'RATE_LIMIT_WINDOW_SECONDS',
    ]);
  });

  it.each(['staging', 'production'])(
    'when %s params are validated, then they make a production config',
    (alias) => {
      const params = paramsOf(alias);
      const config = parseConfig({
        APP_ENV: params.APP_ENV,
        CORS_ORIGINS: JSON.parse(params.CORS_ORIGINS ?? '[]'),
        RATE_LIMIT_WINDOW_SECONDS: Number(params.RATE_LIMIT_WINDOW_SECONDS),
        RATE_LIMIT_PER_IP: Number(params.RATE_LIMIT_PER_IP),
        RATE_LIMIT_PER_USER: Number(params.RATE_LIMIT_PER_USER),
        RATE_LIMIT_SENDS_PER_USER: Number(params.RATE_LIMIT_SENDS_PER_USER),
        RATE_LIMIT_CHATS_PER_USER: Number(params.RATE_LIMIT_CHATS_PER_USER),
        RATE_LIMIT_MEMBER_ADDS_PER_USER: Number(params.RATE_LIMIT_MEMBER_ADDS_PER_USER),
        RATE_LIMIT_SLACK_PERCENT: Number(params.RATE_LIMIT_SLACK_PERCENT),
      });
      expect(config.env).toBe('production');
      expect(config.corsOrigins.length).toBeGreaterThan(0);
    },
  );

  /** Serve the bundle on Node 22 with these params, ask /ping once, and return the answer and stderr. */
  async function pingWith(
    params: Record<string, string>,
  ): Promise<{ status: number; body: string; stderr: string }> {
    const child = spawn(NODE22, ['--import', 'tsx', path.join(__dirname, 'bundle-server.ts'), '0'], {
      cwd: ROOT,
      // The Firestore emulator `npm test` runs, so /ping has a database to ask.
      env: { ...productionEnv(params), FIRESTORE_EMULATOR_HOST: process.env.FIRESTORE_EMULATOR_HOST },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    try {
      const port = await new Promise<number>((resolve, reject) => {
        let stdout = '';
        child.stdout.on('data', (chunk: Buffer) => {
          stdout += chunk.toString();
          const match = /listening (\d+)/.exec(stdout);
          if (match) resolve(Number(match[1]));
        });
        child.once('exit', (code) => reject(new Error(`The bundle server exited (${code}): ${stderr}`)));
      });
      const res = await fetch(`http://127.0.0.1:${port}/ping`);
      return { status: res.status, body: await res.text(), stderr };
    } finally {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
  }

  it('when served with the staging params, then /ping answers ok', async () => {
    const answer = await pingWith(paramsOf('staging'));
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toMatchObject({ status: 'ok' });
  });

  it('when production params are missing or bad, then the API refuses to start, naming each one', async () => {
    const { CORS_ORIGINS: _dropped, ...withoutOrigins } = paramsOf('staging');
    const missing = await pingWith({ ...withoutOrigins, RATE_LIMIT_PER_IP: '-5' });
    expect(missing.status).toBe(500);
    expect(missing.stderr).toMatch(/CORS_ORIGINS: cannot be read/);
    expect(missing.stderr).toMatch(/RATE_LIMIT_PER_IP: /);
    const bad = await pingWith({ ...paramsOf('staging'), CORS_ORIGINS: '["https://chat.example.com/app"]' });
    expect(bad.status).toBe(500);
    expect(bad.stderr).toMatch(/CORS_ORIGINS\.0: must be a bare origin/);
  });
});
