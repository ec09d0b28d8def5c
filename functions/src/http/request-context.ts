import { randomUUID } from 'node:crypto';
import type { RequestHandler } from 'express';
import type { AuthContext } from '@chat/core';
import type { RequestLogContext } from '../logs';

declare module 'express-serve-static-core' {
  interface Request {
    /** Set by `requestContext` on every request. */
    context: RequestLogContext;
    /** Set by `requireAuth` on protected routes. */
    auth?: AuthContext;
  }
}

const CLIENT_REQUEST_ID = /^[A-Za-z0-9._-]{8,128}$/;

/**
 * Give every request an id (the client's `X-Request-Id` if it is sane, else a new one), echo it back, and
 * link logs to Google's trace when the front end sent `X-Cloud-Trace-Context`.
 */
export function requestContext(projectId: string | undefined): RequestHandler {
  return (req, res, next) => {
    const offered = req.get('x-request-id');
    const requestId = offered && CLIENT_REQUEST_ID.test(offered) ? offered : randomUUID();
    const traceId = req.get('x-cloud-trace-context')?.split('/')[0];
    req.context = {
      requestId,
      method: req.method,
      path: req.originalUrl.split('?')[0] ?? req.originalUrl,
      ...(traceId && projectId ? { trace: `projects/${projectId}/traces/${traceId}` } : {}),
    };
    res.set('X-Request-Id', requestId);
    next();
  };
}
