import { z } from 'zod';
import {
  Origin,
  rateLimitBudget,
  RateLimitWindowSeconds,
  type SendLimitConfig,
  type Severity,
} from '@chat/core';

/**
 * The relay's configuration, read once from the environment at start-up and validated, so a bad setting
 * stops the process before it accepts a connection, with a message that names the setting.
 */
export interface RelayConfig {
  env: 'local' | 'test' | 'production';
  /** @default 8080 (Cloud Run sets PORT). 0 picks a free port. */
  port: number;
  /** Firebase project whose tokens and Firestore the relay uses. */
  projectId: string | undefined;
  /** Unset: a single instance with the in-memory adapter. */
  redisUrl: string | undefined;
  /** Browser origins allowed to connect. */
  corsOrigins: string[];
  /** Largest Socket.IO packet accepted; bigger ones close the connection. @default 16384 */
  maxPayloadBytes: number;
  /** Chat rooms one socket may be in at once. @default 100 */
  maxRoomsPerSocket: number;
  /**
   * Most messages one `chat:join` (or `notifications:subscribe`) returns, whatever `limit` it asks for;
   * the client pages the rest through the REST API (`hasMore`). A join without `limit` gets up to 50.
   * @default 100
   */
  historyLimit: number;
  /** Sockets one user may hold per namespace on one instance; more are refused at the handshake. @default 20 */
  maxSocketsPerUser: number;
  /** Client events one socket may send per second before the excess is dropped. @default 20 */
  eventsPerSecond: number;
  /** How often every instance checks its users for revoked tokens and disabled accounts. @default 60000 */
  revocationCheckMs: number;
  /** How often each room listener is checked against a fresh query for silently missed messages. @default 30000 */
  listenerCheckMs: number;
  /** Time from SIGTERM to exit; Cloud Run's grace period is 10 s. @default 8000 */
  shutdownGraceMs: number;
  /**
   * How long a `chat:join` waits for the chat's Firestore listener to deliver its first snapshot before it
   * answers `unavailable`; below the client's ack timeout (10 s), so the client hears why. @default 5000
   */
  feedOpenTimeoutMs: number;
  /** With Redis: how often each instance tells the others it is alive. @default 5000 */
  presenceHeartbeatMs: number;
  /** With Redis: the silence after which a peer instance counts as dead and its users go offline. @default 15000 */
  presencePeerTimeoutMs: number;
  /**
   * The per-user send limit the core services apply, with the functions' names and bounds (core's
   * `SendLimitConfig`): both count in the same Firestore counters, so a user's REST and socket sends share
   * one budget (as long as both use the same window).
   */
  rateLimits: SendLimitConfig;
  /** The least severity written to stdout: `debug` writes DEBUG lines too. @default info */
  logLevel: Extract<Severity, 'DEBUG' | 'INFO'>;
}

const Profile = z.enum(['local', 'test', 'production']);
const int = (min: number, fallback: number) => z.coerce.number().int().min(min).default(fallback);

/** Defaults per profile: tests and local runs want short intervals, production wants cheap ones. */
const profileDefaults = {
  local: {
    revocationCheckMs: 60_000,
    listenerCheckMs: 30_000,
    presenceHeartbeatMs: 5_000,
    presencePeerTimeoutMs: 15_000,
  },
  test: {
    revocationCheckMs: 1_000,
    listenerCheckMs: 1_000,
    presenceHeartbeatMs: 250,
    presencePeerTimeoutMs: 1_000,
  },
  production: {
    revocationCheckMs: 60_000,
    listenerCheckMs: 30_000,
    presenceHeartbeatMs: 5_000,
    presencePeerTimeoutMs: 15_000,
  },
} as const;

export const RelayEnvSchema = z.object({
  APP_ENV: Profile.default('production'),
  PORT: z.coerce.number().int().min(0).max(65_535).default(8080),
  GCLOUD_PROJECT: z.string().min(1).optional(),
  REDIS_URL: z.url({ protocol: /^rediss?$/ }).optional(),
  CORS_ORIGINS: z
    .string()
    .default('')
    .transform((value) =>
      value
        .split(',')
        .map((origin) => origin.trim())
        .filter(Boolean),
    )
    .pipe(z.array(Origin)),
  MAX_PAYLOAD_BYTES: int(1024, 16_384),
  MAX_ROOMS_PER_SOCKET: int(1, 100),
  HISTORY_LIMIT: z.coerce.number().int().min(1).max(500).default(100),
  MAX_SOCKETS_PER_USER: int(1, 20),
  EVENTS_PER_SECOND: int(1, 20),
  REVOCATION_CHECK_MS: z.coerce.number().int().min(100).optional(),
  LISTENER_CHECK_MS: z.coerce.number().int().min(100).optional(),
  SHUTDOWN_GRACE_MS: int(0, 8_000),
  FEED_OPEN_TIMEOUT_MS: int(100, 5_000),
  PRESENCE_HEARTBEAT_MS: z.coerce.number().int().min(50).optional(),
  PRESENCE_PEER_TIMEOUT_MS: z.coerce.number().int().min(100).optional(),
  RATE_LIMIT_WINDOW_SECONDS: RateLimitWindowSeconds,
  RATE_LIMIT_SENDS_PER_USER: rateLimitBudget(60),
  // Anything but `debug` means INFO, as it always has.
  LOG_LEVEL: z.string().optional(),
});

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Validate raw settings (usually `process.env`); the error names every bad setting. */
export function parseConfig(raw: Record<string, string | undefined>): RelayConfig {
  // Empty strings mean "unset", as in a .env file with `REDIS_URL=`.
  const present = Object.fromEntries(Object.entries(raw).filter(([, value]) => value !== ''));
  const result = RelayEnvSchema.safeParse(present);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `${issue.path.join('.') || 'env'}: ${issue.message}`);
    throw new ConfigError(`Invalid relay configuration. ${problems.join('; ')}`);
  }
  const env = result.data;
  if (env.APP_ENV === 'production' && env.CORS_ORIGINS.length === 0) {
    throw new ConfigError(
      'Invalid relay configuration. CORS_ORIGINS: must list at least one origin in production',
    );
  }
  const defaults = profileDefaults[env.APP_ENV];
  const presenceHeartbeatMs = env.PRESENCE_HEARTBEAT_MS ?? defaults.presenceHeartbeatMs;
  const presencePeerTimeoutMs = env.PRESENCE_PEER_TIMEOUT_MS ?? defaults.presencePeerTimeoutMs;
  // A peer must miss more than one heartbeat before it counts as dead.
  if (presencePeerTimeoutMs < 2 * presenceHeartbeatMs) {
    throw new ConfigError(
      `Invalid relay configuration. PRESENCE_PEER_TIMEOUT_MS: must be at least twice PRESENCE_HEARTBEAT_MS (${presenceHeartbeatMs})`,
    );
  }
  return {
    env: env.APP_ENV,
    port: env.PORT,
    projectId: env.GCLOUD_PROJECT,
    redisUrl: env.REDIS_URL,
    corsOrigins: env.CORS_ORIGINS,
    maxPayloadBytes: env.MAX_PAYLOAD_BYTES,
    maxRoomsPerSocket: env.MAX_ROOMS_PER_SOCKET,
    historyLimit: env.HISTORY_LIMIT,
    maxSocketsPerUser: env.MAX_SOCKETS_PER_USER,
    eventsPerSecond: env.EVENTS_PER_SECOND,
    revocationCheckMs: env.REVOCATION_CHECK_MS ?? defaults.revocationCheckMs,
    listenerCheckMs: env.LISTENER_CHECK_MS ?? defaults.listenerCheckMs,
    shutdownGraceMs: env.SHUTDOWN_GRACE_MS,
    feedOpenTimeoutMs: env.FEED_OPEN_TIMEOUT_MS,
    presenceHeartbeatMs,
    presencePeerTimeoutMs,
    rateLimits: {
      windowSeconds: env.RATE_LIMIT_WINDOW_SECONDS,
      sendsPerUser: env.RATE_LIMIT_SENDS_PER_USER,
    },
    logLevel: env.LOG_LEVEL === 'debug' ? 'DEBUG' : 'INFO',
  };
}

/** The relay's settings from the process environment: the one place it is read. */
export function loadConfig(): RelayConfig {
  return parseConfig(process.env);
}

/** How many history entries a join returns: what it asked for (50 by default), never past HISTORY_LIMIT. */
export function historyPageSize(config: Pick<RelayConfig, 'historyLimit'>, requested?: number): number {
  return Math.min(requested ?? 50, config.historyLimit);
}

/** The config as it may be logged: the Redis password is masked. */
export function maskedConfig(config: RelayConfig): Record<string, unknown> {
  return { ...config, redisUrl: config.redisUrl ? maskUrl(config.redisUrl) : undefined };
}

function maskUrl(value: string): string {
  const url = new URL(value);
  if (url.password) url.password = '***';
  if (url.username && url.password) return url.toString();
  if (url.username) url.username = '***';
  return url.toString();
}
