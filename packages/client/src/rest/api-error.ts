import type { components } from '../generated/api-types';

/** The body of every 4xx and 5xx the API answers. */
export type ErrorEnvelope = components['schemas']['ErrorEnvelope'];
/** The API's stable machine codes: switch on these, never on messages. */
export type ApiErrorCode = ErrorEnvelope['error']['code'];
/** A bad input field, by dotted path. */
export type FieldIssue = NonNullable<ErrorEnvelope['error']['fields']>[number];

/**
 * Thrown by every call of the REST client when the API answers outside 2xx. It carries the error
 * envelope's fields, so callers switch on `code` and show `fields` next to the inputs they name.
 */
export class ApiError extends Error {
  override name = 'ApiError';
  /** The HTTP status. */
  readonly status: number;
  readonly code: ApiErrorCode;
  /** Each bad input field (with `invalid-argument`). */
  readonly fields: FieldIssue[];
  /** The request's id (also the `X-Request-Id` header): quote it in bug reports. */
  readonly requestId: string | undefined;
  /** Seconds to wait before trying again, from `Retry-After` (with `resource-exhausted`). */
  readonly retryAfter: number | undefined;

  constructor(init: {
    status: number;
    code: ApiErrorCode;
    message: string;
    fields?: FieldIssue[];
    requestId?: string;
    retryAfter?: number;
  }) {
    super(init.message);
    this.status = init.status;
    this.code = init.code;
    this.fields = init.fields ?? [];
    this.requestId = init.requestId;
    this.retryAfter = init.retryAfter;
  }

  /** The error of a non-2xx response; an answer without the envelope (a proxy's page) still gets a code. */
  static async fromResponse(response: Response): Promise<ApiError> {
    const envelope = await response
      .clone()
      .json()
      .then((body: unknown) => (isEnvelope(body) ? body : null))
      .catch(() => null);
    const requestId = envelope?.error.requestId ?? response.headers.get('x-request-id') ?? undefined;
    const retryAfter = retryAfterSeconds(response.headers.get('retry-after'));
    if (envelope) {
      const { code, message, fields } = envelope.error;
      return new ApiError({ status: response.status, code, message, fields, requestId, retryAfter });
    }
    return new ApiError({
      status: response.status,
      code: codeByStatus[response.status] ?? 'internal',
      message: `HTTP ${response.status} without the API's error envelope`,
      requestId,
      retryAfter,
    });
  }
}

/** The code an answer without the envelope gets, as the API would have chosen it for that status. */
const codeByStatus: Partial<Record<number, ApiErrorCode>> = {
  400: 'invalid-argument',
  401: 'unauthenticated',
  403: 'permission-denied',
  404: 'not-found',
  409: 'already-exists',
  412: 'failed-precondition',
  413: 'payload-too-large',
  429: 'resource-exhausted',
  502: 'unavailable',
  503: 'unavailable',
  504: 'unavailable',
};

function isEnvelope(body: unknown): body is ErrorEnvelope {
  const error = (body as { error?: { code?: unknown; message?: unknown } } | null)?.error;
  return typeof error?.code === 'string' && typeof error.message === 'string';
}

/** `Retry-After` in seconds: the API sends delta-seconds; an HTTP date is turned into seconds from now. */
function retryAfterSeconds(header: string | null): number | undefined {
  if (!header) return undefined;
  if (/^\d+$/.test(header.trim())) return Number(header);
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, Math.ceil((at - Date.now()) / 1000));
}
