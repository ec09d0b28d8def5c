import type { ErrorRequestHandler, RequestHandler } from 'express';
import { AppError, isAppError, toErrorEnvelope } from '@chat/core';
import type { Logs } from '../logs';
import { setRateLimitHeaders } from './rate-limit';

/** Unknown routes answer 404 in the same envelope as every other error. */
export const notFoundHandler: RequestHandler = (req) => {
  throw AppError.notFound(`No route for ${req.method} ${req.context.path}.`);
};

/**
 * The one place errors become responses: an AppError keeps its status and code, body-parser failures get
 * theirs, anything else is a logged 500 with a generic message. Each error is logged exactly once, here.
 */
export function errorHandler(logs: Logs): ErrorRequestHandler {
  return (error: unknown, req, res, next) => {
    if (res.headersSent) return next(error);
    const appError = toAppError(error);
    if (appError) {
      logs.requestRejected(req.context, appError);
    } else {
      logs.requestFailed(req.context, error);
    }
    const answer =
      appError ?? new AppError('internal', 'Something went wrong on our side. It has been logged.');
    // A refusal by a limit the domain applied (the send limit) says when to retry, as the HTTP limiters do.
    setRateLimitHeaders(res, answer.rateLimit, true);
    res.status(answer.status).json(toErrorEnvelope(answer, req.context.requestId));
  };
}

/** body-parser marks its errors with `type`, the router's path decoding throws URIError; map those. */
function toAppError(error: unknown): AppError | undefined {
  if (isAppError(error)) return error;
  // The router could not decode a path parameter (`%`, `%FF`, an escaped lone surrogate): the client's fault.
  if (error instanceof URIError) return AppError.invalidArgument('The path holds an invalid %-escape.');
  const type = (error as { type?: unknown } | null)?.type;
  switch (type) {
    case 'entity.parse.failed':
      return AppError.invalidArgument('The body is not valid JSON.');
    case 'entity.too.large':
      return new AppError('payload-too-large', 'The body is too large.');
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return AppError.invalidArgument('The body must be UTF-8 JSON.');
    default:
      return undefined;
  }
}
