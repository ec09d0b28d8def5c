import cors from 'cors';
import express, { type Express } from 'express';
import helmet from 'helmet';
import type { Auth } from 'firebase-admin/auth';
import type { Firestore } from 'firebase-admin/firestore';
import { AppError, CachedTokenVerifier, createServices, type LogSink, type Services } from '@chat/core';
import type { AppConfig } from './config';
import { createLogs, type Logs } from './logs';
import { errorHandler, notFoundHandler } from './http/errors';
import { requestContext } from './http/request-context';
import { requestDeadline } from './http/request-deadline';
import { requireAuth } from './http/require-auth';
import { authenticatedAndLimited, createRateLimits, type RateLimits } from './http/rate-limit';
import { mountRoutes } from './http/mount-routes';
import { buildOpenApiDocument } from './openapi';
import { apiRoutes } from './routes/api-routes';
import { docsFiles } from './routes/docs';

export interface AppDependencies {
  config: AppConfig;
  db: Firestore;
  auth: Auth;
  log: LogSink;
  projectId?: string;
  /**
   * The domain services, when the caller shares them with others (index.ts, with the triggers).
   * @default built over `db` and `auth`, with `config.rateLimits` as the send limit
   */
  services?: Services;
  /**
   * Verified tokens and account states, cached per instance; index.ts shares one that also listens to the
   * revocation records.
   * @default a verifier over `auth` that hears only this app's own admin revocations
   */
  tokens?: CachedTokenVerifier;
}

/**
 * The Express app that `onRequest` serves. Tests build it with the same function, against the emulators,
 * so what is tested is what is deployed.
 */
export function createApp(deps: AppDependencies): Express {
  const app = express();
  const logs = createLogs(deps.log);
  // Cloud Functions 2nd gen is a Cloud Run service: Google's front end appends the client's address to
  // X-Forwarded-For and is the one hop in front of us, so trusting one hop makes req.ip the client's (and
  // not whatever a client wrote into the header). Behind another proxy (a load balancer, Hosting) add its hops.
  app.set('trust proxy', 1);
  app.disable('x-powered-by');
  const limits = createRateLimits(deps.db, deps.config.rateLimits, logs);
  defineRequestMiddleware(app, deps, limits, logs);
  defineRoutes(app, deps, limits, logs);
  defineErrorHandlingMiddleware(app, logs);
  return app;
}

/**
 * Before any route: request id, the deadline for an answer, security headers, CORS (the same origins as `onRequest`'s `cors` option,
 * so the app answers alike in tests and deployed), the per-IP rate limit (before auth and body parsing,
 * so a flood costs little), then the JSON body.
 */
function defineRequestMiddleware(app: Express, deps: AppDependencies, limits: RateLimits, logs: Logs): void {
  app.use(requestContext(deps.projectId));
  app.use(requestDeadline(deps.config.requestDeadlineMs, logs));
  app.use(helmet({ contentSecurityPolicy: { directives: { upgradeInsecureRequests: null } } }));
  app.use(
    cors({
      origin: deps.config.corsOrigins,
      exposedHeaders: [
        'X-Request-Id',
        'Retry-After',
        'RateLimit',
        'RateLimit-Policy',
        'Location',
        'Idempotent-Replayed',
      ],
      maxAge: 3600,
    }),
  );
  app.use(limits.perIp);
  app.use(parseJsonBody(deps.config.bodyLimitBytes));
}

/** The route table, served; and the files of the docs page, which are not operations of the API. */
function defineRoutes(app: Express, deps: AppDependencies, limits: RateLimits, logs: Logs): void {
  const services =
    deps.services ?? createServices(deps.db, deps.auth, { limits: deps.config.rateLimits, log: deps.log });
  const tokens = deps.tokens ?? new CachedTokenVerifier(deps.auth);
  app.use('/docs', docsFiles());
  // Every authenticated route is also limited per user; message sends are limited by the services.
  const authenticated = authenticatedAndLimited(requireAuth(tokens), limits);
  mountRoutes(app, apiRoutes, {
    deps: {
      services,
      tokens,
      db: deps.db,
      logs,
      openApiDocument: buildOpenApiDocument(apiRoutes),
    },
    authenticate: authenticated,
  });
}

function defineErrorHandlingMiddleware(app: Express, logs: Logs): void {
  app.use(notFoundHandler);
  app.use(errorHandler(logs));
}

/**
 * JSON bodies. Inside Cloud Functions the framework has already parsed the body and kept the bytes in
 * `req.rawBody`; express.json() then skips, so the size limit is enforced on `rawBody` here too. A body of
 * another type (text, a form, bytes) is refused here with the envelope: the framework parses those too, so
 * without this check a route would see a string or a Buffer. Invalid JSON sent as `application/json` never
 * reaches the app inside Cloud Functions: the framework answers it (see the README).
 */
function parseJsonBody(limitBytes: number): express.RequestHandler {
  const json = express.json({ limit: limitBytes, strict: true });
  return (req, res, next) => {
    const raw = (req as { rawBody?: Buffer }).rawBody;
    if (raw && raw.length > limitBytes) {
      return next(new AppError('payload-too-large', `The body is larger than ${limitBytes} bytes.`));
    }
    const hasBody = (raw?.length ?? 0) > 0 || Number(req.get('content-length') ?? 0) > 0;
    if (hasBody && !req.is('application/json')) {
      return next(
        AppError.invalidArgument('Invalid body: send it as JSON, with Content-Type: application/json.'),
      );
    }
    json(req, res, next);
  };
}
