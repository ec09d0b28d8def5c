import { defineList, defineString } from 'firebase-functions/params';
import { z } from 'zod';

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

export const REGION = 'us-central1';

const Origin = z.url({ protocol: /^https?$/ }).refine((value) => new URL(value).origin === value, {
  message: 'must be a bare origin such as https://chat.example.com (no path, no trailing slash)',
});

export const AppConfigSchema = z
  .object({
    APP_ENV: z.enum(['local', 'test', 'production']),
    CORS_ORIGINS: z.array(Origin),
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
  corsOrigins: string[];
  /** Largest JSON body accepted. */
  bodyLimitBytes: number;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Validate raw settings; the error names every bad setting. */
export function parseConfig(raw: Record<string, unknown>): AppConfig {
  const result = AppConfigSchema.safeParse(raw);
  if (!result.success) {
    const problems = result.error.issues.map(
      (issue) => `${issue.path.join('.') || 'config'}: ${issue.message}`,
    );
    throw new ConfigError(`Invalid configuration. ${problems.join('; ')}`);
  }
  return { env: result.data.APP_ENV, corsOrigins: result.data.CORS_ORIGINS, bodyLimitBytes: 64 * 1024 };
}

/** Read the params (only valid at run time, not at deploy time). */
export function loadConfig(): AppConfig {
  return parseConfig({ APP_ENV: APP_ENV.value(), CORS_ORIGINS: CORS_ORIGINS.value() });
}
