import type { RequestHandler } from 'express';
import { AppError, toErrorEnvelope } from '@chat/core';
import type { Logs } from '../logs';

/**
 * Answer `503 unavailable` in the envelope when a request has not been answered within `deadlineMs`.
 * Firestore's client waits minutes for a server that accepted a call and went silent; without this, such a
 * request would hold its slot until the platform's timeout cut it off with no envelope and no log line of
 * ours. The handler is not stopped (its work may still commit, as after any lost answer): clients retry with
 * their idempotency keys.
 */
export function requestDeadline(deadlineMs: number, logs: Logs): RequestHandler {
  return (req, res, next) => {
    const timer = setTimeout(() => {
      if (res.headersSent) return;
      logs.requestTimedOut(req.context, deadlineMs);
      const answer = AppError.unavailable('The request could not be completed in time. Retry shortly.');
      res.status(answer.status).json(toErrorEnvelope(answer, req.context.requestId));
    }, deadlineMs);
    const stop = () => clearTimeout(timer);
    res.once('finish', stop);
    res.once('close', stop);
    next();
  };
}
