/**
 * Stable machine codes, and the HTTP status of each. Clients switch on these, never on messages. On their
 * own so the error envelope's schema and `AppError` can both read them without importing each other.
 */
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

export const statusByCode: Record<ErrorCode, number> = {
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
