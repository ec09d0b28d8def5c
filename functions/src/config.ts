import { defineInt, defineList, defineString, projectID } from 'firebase-functions/params';
import { z } from 'zod';
import {
  Origin,
  rateLimitBudget,
  RateLimitSlackPercent,
  RateLimitWindowSeconds,
  type UserLimitsConfig,
} from '@chat/core';

/**
 * Configuration of the functions, declared as params so `firebase deploy` asks for them and the emulator
 * reads them from `functions/.env.local`. Read once, in `onInit`, and validated before the app is built.
 */
export const APP_ENV = defineString('APP_ENV', {
  description: 'Profile: local (emulators), test, or production.',
  default: 'production',
  input: { select: { options: [{ value: 'local' }, { value: 'test' }, { value: 'production' }] } },
});

export const CORS_ORIGINS = defineList('CORS_ORIGINS', {
  description: 'Browser origins allowed to call the API, e.g. https://chat.example.com.',
  default: [],
});

/**
 * Rate limits, counted per fixed window in Firestore so every instance shares them: per IP and per user in
 * http/rate-limit.ts; message sends, chat creation and member adds in core's services (the relay applies
 * the same send limit).
 * A limit of 0 turns that limiter off. These defaults are what a deployment gets; `parseConfig` without
 * the keys (the tests that are not about limits) turns every limiter off.
 */
export const RATE_LIMIT_WINDOW_SECONDS = defineInt('RATE_LIMIT_WINDOW_SECONDS', {
  description: 'Length of one rate-limit window, in seconds (1..3600).',
  default: 60,
});
export const RATE_LIMIT_PER_IP = defineInt('RATE_LIMIT_PER_IP', {
  description: 'Requests per window from one client IP, counted before authentication (0: no limit).',
  default: 600,
});
export const RATE_LIMIT_PER_USER = defineInt('RATE_LIMIT_PER_USER', {
  description: 'Requests per window from one signed-in user (0: no limit).',
  default: 300,
});
export const RATE_LIMIT_SENDS_PER_USER = defineInt('RATE_LIMIT_SENDS_PER_USER', {
  description: 'Messages one user may send per window, on top of the per-user limit (0: no limit).',
  default: 60,
});
export const RATE_LIMIT_CHATS_PER_USER = defineInt('RATE_LIMIT_CHATS_PER_USER', {
  description:
    'Chats one user may create per window: groups, and direct chats opened for the first time (0: no limit).',
  default: 10,
});
export const RATE_LIMIT_MEMBER_ADDS_PER_USER = defineInt('RATE_LIMIT_MEMBER_ADDS_PER_USER', {
  description: "Members one user may add to groups per window, a new group's members included (0: no limit).",
  default: 200,
});

/**
 * How much of each limit an instance may admit from its own count before Firestore has seen it: the hot
 * path then costs no round trip, and a limit can be exceeded by at most this share per extra instance
 * (see core's `FirestoreRateLimitCounter`). Past it, with Firestore unreachable, the limiters fail closed.
 */
export const RATE_LIMIT_SLACK_PERCENT = defineInt('RATE_LIMIT_SLACK_PERCENT', {
  description:
    'Percent of each limit an instance may admit before Firestore has counted it (0..50; 0: count every request first).',
  default: 5,
});

export const REGION = 'us-central1';

/**
 * With the local profile, any loopback origin is allowed besides CORS_ORIGINS: the Hosting emulator and dev
 * servers run on whatever port the stack's offset gives them (`npm test` shifts every port).
 */
const LOOPBACK_ORIGIN = /^http:\/\/(localhost|127\.0\.0\.1)(:\d+)?$/;

// Without the keys (the tests that are not about limits) every limiter is off.
const Limit = rateLimitBudget(0);

export const AppConfigSchema = z
  .object({
    APP_ENV: z.enum(['local', 'test', 'production']),
    CORS_ORIGINS: z.array(Origin),
    RATE_LIMIT_WINDOW_SECONDS: RateLimitWindowSeconds,
    RATE_LIMIT_PER_IP: Limit,
    RATE_LIMIT_PER_USER: Limit,
    RATE_LIMIT_SENDS_PER_USER: Limit,
    RATE_LIMIT_CHATS_PER_USER: Limit,
    RATE_LIMIT_MEMBER_ADDS_PER_USER: Limit,
    // Without the key (the tests that are not about it) every hit is counted in Firestore first.
    RATE_LIMIT_SLACK_PERCENT: RateLimitSlackPercent,
  })
  .superRefine((config, ctx) => {
    if (config.APP_ENV === 'production' && config.CORS_ORIGINS.length === 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['CORS_ORIGINS'],
        message: 'must list at least one origin in production',
      });
    }
  });

export interface AppConfig {
  env: 'local' | 'test' | 'production';
  /** Exact origins, plus a loopback pattern with the local profile. */
  corsOrigins: Array<string | RegExp>;
  /** Largest JSON body accepted. */
  bodyLimitBytes: number;
  /**
   * A request not answered by then gets 503 `unavailable`: below the function's 60 s timeout, so a hung
   * Firestore call still ends in our envelope and our log.
   */
  requestDeadlineMs: number;
  rateLimits: RateLimitConfig;
}

/**
 * Requests allowed per window; 0 turns a limiter off. The per-user limits on sends, chat creation and member
 * adds are core's (`UserLimitsConfig`).
 */
export interface RateLimitConfig extends UserLimitsConfig {
  perIp: number;
  perUser: number;
}

/** Bad settings, each named in `problems` (`NAME: what is wrong`) and in the message. */
export class ConfigError extends Error {
  override name = 'ConfigError';
  constructor(readonly problems: string[]) {
    super(`Invalid configuration. ${problems.join('; ')}`);
  }
}

/** Validate raw settings; the error names every bad setting. */
export function parseConfig(raw: Record<string, unknown>): AppConfig {
  const result = AppConfigSchema.safeParse(raw);
  if (!result.success) {
    const problems = result.error.issues.map(
      (issue) => `${issue.path.join('.') || 'config'}: ${issue.message}`,
    );
    throw new ConfigError(problems);
  }
  const data = result.data;
  return {
    env: data.APP_ENV,
    corsOrigins: data.APP_ENV === 'local' ? [...data.CORS_ORIGINS, LOOPBACK_ORIGIN] : data.CORS_ORIGINS,
    bodyLimitBytes: 64 * 1024,
    requestDeadlineMs: 50_000,
    rateLimits: {
      windowSeconds: data.RATE_LIMIT_WINDOW_SECONDS,
      perIp: data.RATE_LIMIT_PER_IP,
      perUser: data.RATE_LIMIT_PER_USER,
      sendsPerUser: data.RATE_LIMIT_SENDS_PER_USER,
      chatsPerUser: data.RATE_LIMIT_CHATS_PER_USER,
      memberAddsPerUser: data.RATE_LIMIT_MEMBER_ADDS_PER_USER,
      // Omitted when 0, the counters' own default.
      ...(data.RATE_LIMIT_SLACK_PERCENT > 0 ? { slackPercent: data.RATE_LIMIT_SLACK_PERCENT } : {}),
    },
  };
}

/** The Firebase project the functions run in (set by the runtime and the emulator). */
export function loadProjectId(): string {
  return projectID.value();
}

/**
 * Read the params (only valid at run time, not at deploy time). A param the runtime cannot read (a list
 * param that is unset or not JSON) is named like any invalid one, together with every other bad setting.
 */
export function loadConfig(): AppConfig {
  const unreadable: string[] = [];
  const read = <T>(name: string, param: { value(): T }): T | undefined => {
    try {
      return param.value();
    } catch (error) {
      unreadable.push(`${name}: cannot be read (${error instanceof Error ? error.message : String(error)})`);
      return undefined;
    }
  };
  const raw = {
    APP_ENV: read('APP_ENV', APP_ENV),
    CORS_ORIGINS: read('CORS_ORIGINS', CORS_ORIGINS),
    RATE_LIMIT_WINDOW_SECONDS: read('RATE_LIMIT_WINDOW_SECONDS', RATE_LIMIT_WINDOW_SECONDS),
    RATE_LIMIT_PER_IP: read('RATE_LIMIT_PER_IP', RATE_LIMIT_PER_IP),
    RATE_LIMIT_PER_USER: read('RATE_LIMIT_PER_USER', RATE_LIMIT_PER_USER),
    RATE_LIMIT_SENDS_PER_USER: read('RATE_LIMIT_SENDS_PER_USER', RATE_LIMIT_SENDS_PER_USER),
    RATE_LIMIT_CHATS_PER_USER: read('RATE_LIMIT_CHATS_PER_USER', RATE_LIMIT_CHATS_PER_USER),
    RATE_LIMIT_MEMBER_ADDS_PER_USER: read('RATE_LIMIT_MEMBER_ADDS_PER_USER', RATE_LIMIT_MEMBER_ADDS_PER_USER),
    RATE_LIMIT_SLACK_PERCENT: read('RATE_LIMIT_SLACK_PERCENT', RATE_LIMIT_SLACK_PERCENT),
  };
  try {
    const config = parseConfig(raw);
    if (unreadable.length === 0) return config;
    throw new ConfigError(unreadable);
  } catch (error) {
    if (!(error instanceof ConfigError) || unreadable.length === 0) throw error;
    // One line per setting: an unreadable param's own reason, not also "received undefined".
    const named = new Set(unreadable.map((problem) => problem.slice(0, problem.indexOf(':'))));
    const others = error.problems.filter((problem) => !named.has(problem.split(/[.:]/)[0] ?? ''));
    throw new ConfigError([...unreadable, ...others]);
  }
}
