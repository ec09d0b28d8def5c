import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Auth } from 'firebase-admin/auth';
import { AppError, isAppError, toErrorEnvelope } from '@chat/core';
import { verifySessionToken } from '../auth/verify-token';
import type { LiveView } from './live-view';

/** The admin-only path of the live view; `/healthz` stays public and says only ok or degraded. */
export const LIVE_VIEW_PATH = '/admin/live';

export interface LiveViewHttpOptions {
  auth: Auth;
  liveView: LiveView;
  /** Browser origins allowed to read it (the admin panel's); empty allows any outside production. */
  corsOrigins: string[];
  production: boolean;
}

/**
 * `GET /admin/live` for the admin panel: `Authorization: Bearer <Firebase ID token>` verified like a
 * socket's handshake (revocation and disabled accounts checked), then the `admin` claim: 401 without a
 * usable token, 403 without the claim, 200 with every instance's figures. Returns false for any other
 * path, so the caller answers it.
 */
export function liveViewHttp(options: LiveViewHttpOptions) {
  const allowed = (origin: string | undefined): origin is string =>
    origin !== undefined &&
    (options.corsOrigins.length > 0 ? options.corsOrigins.includes(origin) : !options.production);

  return (req: IncomingMessage, res: ServerResponse): boolean => {
    if (req.url?.split('?')[0] !== LIVE_VIEW_PATH) return false;
    const origin = req.headers.origin;
    if (allowed(origin)) {
      res.setHeader('access-control-allow-origin', origin);
      res.setHeader('vary', 'Origin');
    }
    if (req.method === 'OPTIONS') {
      res.writeHead(204, {
        'access-control-allow-methods': 'GET',
        'access-control-allow-headers': 'Authorization',
        'access-control-max-age': '600',
      });
      res.end();
      return true;
    }
    if (req.method !== 'GET') {
      reply(res, AppError.notFound(`No route for ${req.method} ${LIVE_VIEW_PATH}.`));
      return true;
    }
    void answer(req, options)
      .then((report) => {
        res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
        res.end(JSON.stringify(report));
      })
      .catch((error: unknown) =>
        reply(res, isAppError(error) ? error : AppError.unavailable('The live view failed.', error)),
      );
    return true;
  };
}

async function answer(req: IncomingMessage, options: LiveViewHttpOptions) {
  const header = req.headers.authorization ?? '';
  const token = /^Bearer\s+(\S+)$/i.exec(header)?.[1];
  if (!token) throw AppError.unauthenticated('Send Authorization: Bearer <Firebase ID token>.');
  const session = await verifySessionToken(options.auth, token);
  if (!session.auth.admin) throw AppError.permissionDenied('The relay live view is for app admins only.');
  return options.liveView.report();
}

function reply(res: ServerResponse, error: AppError): void {
  if (res.headersSent) return;
  res.writeHead(error.status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
  res.end(JSON.stringify(toErrorEnvelope(error)));
}
