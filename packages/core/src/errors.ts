import type { ErrorEnvelope } from './schemas/error-envelope';

/**
 * One error type for the whole backend. It carries an HTTP status and a stable machine code, so the REST
 * error middleware and socket acks speak the same language.
 */

/** Stable machine codes. Clients switch on these, never on messages. */
export const ErrorCodes = {
  invalidArgument: 'invalid-argument',
  unauthenticated: 'unauthenticated',
  tokenExpired: 'token-expired',
  tokenRevoked: 'token-revoked',
  userDisabled: 'user-disabled',
  permissionDenied: 'permission-denied',
  notFound: 'not-found',
  alreadyExists: 'already-exists',
  failedPrecondition: 'failed-precondition',
  payloadTooLarge: 'payload-too-large',
  resourceExhausted: 'resource-exhausted',
  unavailable: 'unavailable',
  internal: 'internal',
} as const;

export type ErrorCode = (typeof ErrorCodes)[keyof typeof ErrorCodes];

const statusByCode: Record<ErrorCode, number> = {
  'invalid-argument': 400,
  unauthenticated: 401,
  'token-expired': 401,
  'token-revoked': 401,
  'user-disabled': 403,
  'permission-denied': 403,
  'not-found': 404,
  'already-exists': 409,
  'failed-precondition': 412,
  'payload-too-large': 413,
  'resource-exhausted': 429,
  unavailable: 503,
  internal: 500,
};

/** One problem with one field of the input; `path` is the dotted path into the body ("" for the body itself). */
export interface FieldIssue {
  path: string;
  message: string;
}

export class AppError extends Error {
  readonly status: number;

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields?: FieldIssue[],
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'AppError';
    this.status = statusByCode[code];
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
