import { errorReport, type AppError, type FirestoreHealth, type LogSink } from '@chat/core';
import type { AppConfig } from './config';

/** The service name Error Reporting files the API's errors under. */
export const ERROR_REPORTING_SERVICE = 'api';

/**
 * Every log line the API writes, named for what it logs. Entries are Cloud Logging structured JSON; the
 * request id (and the trace, when Google's front end sent one) ties a line to its request.
 */
export interface RequestLogContext {
  requestId: string;
  method: string;
  path: string;
  trace?: string;
}

export function createLogs(sink: LogSink) {
  const fields = (ctx: RequestLogContext) => ({
    requestId: ctx.requestId,
    httpRequest: { requestMethod: ctx.method, requestUrl: ctx.path },
    ...(ctx.trace ? { 'logging.googleapis.com/trace': ctx.trace } : {}),
  });
  return {
    configLoaded(config: AppConfig) {
      // Nothing secret lives in AppConfig; secrets are params bound with `secrets:` and never logged.
      // RegExp origins (the local profile's loopback rule) would log as `{}`: log their source.
      const corsOrigins = config.corsOrigins.map(String);
      sink({ severity: 'INFO', message: 'Configuration loaded', config: { ...config, corsOrigins } });
    },
    /** A trigger finished; `details` says what it changed (zeros on a replayed event). */
    triggerDone(trigger: string, eventId: string, details: Record<string, unknown>) {
      sink({ severity: 'INFO', message: `${trigger} done`, trigger, eventId, ...details });
    },
    /** The rate-limit store failed; the request was let through unlimited. */
    rateLimitStoreFailed(limiter: string, error: unknown) {
      sink({
        severity: 'ERROR',
        message: `Rate limit "${limiter}" not applied: ${error instanceof Error ? error.message : String(error)}`,
        limiter,
      });
    },
    /** The listener on revocation records broke; cached account states fall back to their short expiry. */
    revocationWatchFailed(error: unknown) {
      sink({
        severity: 'WARNING',
        message: `Revocation records not heard, retrying in 5 s: ${error instanceof Error ? error.message : String(error)}`,
      });
    },
    /** express-rate-limit found something off in its configuration. */
    rateLimitWarning(limiter: string, warning: unknown) {
      sink({
        severity: 'WARNING',
        message: `Rate limit "${limiter}": ${warning instanceof Error ? warning.message : String(warning)}`,
        limiter,
      });
    },
    /** `/ping` found Firestore unreachable: the details the public answer leaves out. */
    healthDegraded(firestore: FirestoreHealth) {
      sink({
        severity: 'WARNING',
        message: `Health check degraded: Firestore ${firestore.error ?? 'unreachable'}`,
        firestore,
      });
    },
    /** A client error (4xx): expected, so no stack. */
    requestRejected(ctx: RequestLogContext, error: AppError) {
      sink({
        severity: 'WARNING',
        message: `${error.status} ${error.code}: ${error.message}`,
        ...fields(ctx),
        code: error.code,
      });
    },
    /** A request that was still running at the deadline: answered 503, while its work may still finish. */
    requestTimedOut(ctx: RequestLogContext, deadlineMs: number) {
      sink({
        severity: 'ERROR',
        message: `No answer within ${deadlineMs} ms: answered 503 unavailable (a dependency is not answering)`,
        ...fields(ctx),
        code: 'unavailable',
      });
    },
    /**
     * A server error (5xx), answered with a generic message. The line is an Error Reporting event: its
     * message is the stack, so Error Reporting groups every occurrence of the same failure.
     */
    requestFailed(ctx: RequestLogContext, error: unknown) {
      sink({
        severity: 'ERROR',
        ...fields(ctx),
        ...errorReport(ERROR_REPORTING_SERVICE, error, {
          httpRequest: { method: ctx.method, url: ctx.path, responseStatusCode: 500 },
        }),
      });
    },
  };
}

export type Logs = ReturnType<typeof createLogs>;
