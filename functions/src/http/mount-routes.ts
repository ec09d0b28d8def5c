import type { IRouter, Request, RequestHandler, Response } from 'express';
import { AppError, parseInput } from '@chat/core';
import { setRateLimitHeaders } from './rate-limit';
import { callerOf } from './require-auth';
import type { Reply, Route, RouteInput } from './route';

export interface MountOptions<D> {
  /** What every handler gets besides its input: the services and whatever else the routes need. */
  deps: D;
  /** Runs before every route with `auth` other than `none`: verifies the ID token and applies per-user limits. */
  authenticate: RequestHandler;
}

/**
 * Serve each route of the table on `router`, in table order (Express matches in that order, so
 * `/users/me` must come before `/users/:uid`): authenticate (and check the admin claim) as the route
 * declares, parse its params, query, headers and body (a bad one is a 400 naming the field), call the
 * handler, and send its reply.
 */
export function mountRoutes<D>(router: IRouter, routes: readonly Route<D>[], options: MountOptions<D>): void {
  for (const route of routes) {
    const guards = route.auth === 'none' ? [] : [options.authenticate];
    if (route.auth === 'admin') guards.push(requireAdmin);
    router[route.method](route.path, ...guards, async (req, res) => {
      const reply = await route.handler(parseRequest(route, req), options.deps);
      send(route, reply, res);
    });
  }
}

const requireAdmin: RequestHandler = (req, _res, next) => {
  if (!req.auth?.admin) throw AppError.permissionDenied('This operation needs the admin role.');
  next();
};

/** In the order a reader checks a request: where, what for, with which headers, and then the body. */
function parseRequest<D>(route: Route<D>, req: Request): RouteInput {
  const { params, query, headers, body } = route.request ?? {};
  return {
    caller: route.auth === 'none' ? undefined : callerOf(req),
    params: params && parseInput(params, req.params, 'path'),
    query: query && parseInput(query, req.query, 'query'),
    headers:
      headers &&
      parseInput(
        headers,
        Object.fromEntries(Object.keys(headers.shape).map((name) => [name, req.get(name)])),
        'headers',
      ),
    body: body && parseInput(body, req.body),
  } as RouteInput;
}

function send<D>(route: Route<D>, reply: Reply, res: Response): void {
  res.status(reply.status);
  if (reply.location) res.location(reply.location);
  if (reply.headers) res.set(reply.headers);
  setRateLimitHeaders(res, reply.rateLimit ?? undefined);
  if (reply.body === undefined) {
    res.end();
  } else if (route.responses[reply.status]?.body === 'html') {
    res.type('html').send(reply.body);
  } else {
    res.json(reply.body);
  }
}
