/**
 * What a deployed project gets, read from the files a deploy reads: the params' defaults and the projects'
 * `.env.<alias>` files (through `loadConfig`, exactly as the runtime reads them), the relay's service.yaml,
 * and the TTL policy that `firebase deploy` applies from firestore.indexes.json. (The tests elsewhere run
 * with the limits off or set low, so none of them would notice a wrong default.)
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  loadConfig,
  RATE_LIMIT_CHATS_PER_USER,
  RATE_LIMIT_MEMBER_ADDS_PER_USER,
  RATE_LIMIT_PER_IP,
  RATE_LIMIT_PER_USER,
  RATE_LIMIT_SENDS_PER_USER,
  RATE_LIMIT_SLACK_PERCENT,
  RATE_LIMIT_WINDOW_SECONDS,
} from '../src/config';
import { RATE_LIMIT_COLLECTION } from '../src/http/firestore-rate-limit-store';

const ROOT = path.resolve(__dirname, '../..');
const PRODUCTION_LIMITS = {
  windowSeconds: 60,
  perIp: 600,
  perUser: 300,
  sendsPerUser: 60,
  chatsPerUser: 10,
  memberAddsPerUser: 200,
  slackPercent: 5,
};

/** `loadConfig()` with exactly these variables set, as the runtime would have them. */
function loadWith(env: Record<string, string>) {
  const saved = { ...process.env };
  try {
    for (const name of Object.keys(process.env)) if (name.startsWith('RATE_LIMIT_')) delete process.env[name];
    Object.assign(process.env, env);
    return loadConfig();
  } finally {
    process.env = saved;
  }
}

/** KEY=value lines of a dotenv file (comments and blank lines skipped). */
function readDotenv(file: string): Record<string, string> {
  return Object.fromEntries(
    readFileSync(path.join(ROOT, file), 'utf8')
      .split('\n')
      .filter((line) => /^[A-Z_]+=/.test(line))
      .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
  );
}

describe('the deployed limits', () => {
  it('when a project is deployed without setting them, then the params default to 600 per IP, 300 per user, 60 sends, 10 new chats and 200 member adds in 60 s, 5% slack per instance', () => {
    const defaults = Object.fromEntries(
      [
        RATE_LIMIT_WINDOW_SECONDS,
        RATE_LIMIT_PER_IP,
        RATE_LIMIT_PER_USER,
        RATE_LIMIT_SENDS_PER_USER,
        RATE_LIMIT_CHATS_PER_USER,
        RATE_LIMIT_MEMBER_ADDS_PER_USER,
        RATE_LIMIT_SLACK_PERCENT,
      ].map((param) => [param.name, String(param.options.default)]),
    );
    const config = loadWith({
      APP_ENV: 'production',
      CORS_ORIGINS: '["https://chat.example.com"]',
      ...defaults,
    });
    expect(config.rateLimits).toEqual(PRODUCTION_LIMITS);
  });

  it.each(['functions/.env.production', 'functions/.env.staging'])(
    'when %s is deployed, then the runtime reads production limits',
    (file) => {
      const config = loadWith(readDotenv(file));
      expect(config.env).toBe('production');
      expect(config.rateLimits).toEqual(PRODUCTION_LIMITS);
    },
  );

  it("when the relay is deployed, then its send limit and window are the functions' (one budget for both)", () => {
    const service = readFileSync(path.join(ROOT, 'realtime-server/service.yaml'), 'utf8');
    const valueOf = (name: string) => service.match(new RegExp(`name: ${name}\\s+value: '(\\d+)'`))?.[1];
    expect(valueOf('RATE_LIMIT_WINDOW_SECONDS')).toBe(String(PRODUCTION_LIMITS.windowSeconds));
    expect(valueOf('RATE_LIMIT_SENDS_PER_USER')).toBe(String(PRODUCTION_LIMITS.sendsPerUser));
  });
});

describe('the TTL policy on rate-limit counters', () => {
  it('when firestore.indexes.json is deployed, then expireAt of the counters is a TTL field', () => {
    const firebaseJson = JSON.parse(readFileSync(path.join(ROOT, 'firebase.json'), 'utf8'));
    const indexes = JSON.parse(readFileSync(path.join(ROOT, firebaseJson.firestore.indexes), 'utf8'));
    expect(indexes.fieldOverrides).toContainEqual({
      collectionGroup: RATE_LIMIT_COLLECTION,
      fieldPath: 'expireAt',
      ttl: true,
      indexes: [],
    });
  });
});
