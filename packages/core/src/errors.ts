import { statusByCode, type ErrorCode } from './error-codes';
import type { RateLimitQuota } from './rate-limit/rate-limit-quota';
import type { ErrorEnvelope } from './schemas/error-envelope';

export { ErrorCodes, type ErrorCode } from './error-codes';

/** One problem with one field of the input; `path` is the dotted path into the body ("" for the body itself). */
export interface FieldIssue {
  path: string;
  message: string;
}

/**
 * One error type for the whole backend. It carries an HTTP status and a stable machine code, so the REST
 * error middleware and socket acks speak the same language.
 */
export class AppError extends Error {
  readonly status: number;
  /** On a refusal by a rate limit: where the caller stands, for `Retry-After` and the RateLimit headers. */
  readonly rateLimit?: RateLimitQuota;

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields?: FieldIssue[],
    options?: { cause?: unknown; rateLimit?: RateLimitQuota },
  ) {
    super(message, options);
    this.name = 'AppError';
    this.status = statusByCode[code];
    if (options?.rateLimit) this.rateLimit = options.rateLimit;
  }

  static invalidArgument(message: string, fields?: FieldIssue[]): AppError {
    return new AppError('invalid-argument', message, fields);
  }
  static unauthenticated(message = 'Authentication required.'): AppError {
    return new AppError('unauthenticated', message);
  }
  static permissionDenied(message = 'You are not allowed to do this.'): AppError {
    return new AppError('permission-denied', message);
  }
  static notFound(message: string): AppError {
    return new AppError('not-found', message);
  }
  static alreadyExists(message: string): AppError {
    return new AppError('already-exists', message);
  }
  static unavailable(message: string, cause?: unknown): AppError {
    return new AppError('unavailable', message, undefined, { cause });
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}

export function toErrorEnvelope(error: AppError, requestId?: string): ErrorEnvelope {
  return {
    error: {
      status: error.status,
      code: error.code,
      message: error.message,
      ...(error.fields ? { fields: error.fields } : {}),
      ...(requestId ? { requestId } : {}),
    },
  };
}
