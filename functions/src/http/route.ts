import type { z } from 'zod';
import type { AuthContext, RateLimitQuota } from '@chat/core';

export type HttpMethod = 'get' | 'post' | 'patch' | 'delete';

/** `user`: any valid ID token; `admin`: an ID token with the `admin` custom claim. */
export type AuthLevel = 'none' | 'user' | 'admin';

/** The parts of a request a route reads, each parsed with its schema before the handler runs. */
export interface RequestSchemas {
  /** Path parameters, named as in the Express path (`/chats/:chatId` → `chatId`). */
  params?: z.ZodObject;
  query?: z.ZodObject;
  /** Read by the names of its keys (`Idempotency-Key`); other headers are not looked at. */
  headers?: z.ZodObject;
  body?: z.ZodType;
}

/** One answer a route gives: JSON of a schema, an HTML page, any JSON object, or no body. */
export interface ResponseSpec {
  description: string;
  body?: z.ZodType | 'html' | 'json';
}

export type ResponseSpecs = Partial<Record<number, ResponseSpec>>;

/** What a route is, apart from its handler: what the OpenAPI document is built from. */
export interface RouteSpec {
  method: HttpMethod;
  /** Express syntax: `/chats/:chatId`. */
  path: string;
  summary: string;
  tag: string;
  auth: AuthLevel;
  request?: RequestSchemas;
  /** The answers of a handled request, by status. */
  responses: ResponseSpecs;
  /** Error statuses this route answers besides the ones every route can (400 with input, 401, 429, 500). */
  errors?: number[];
}

type Parsed<S> = S extends z.ZodType ? z.output<S> : undefined;

/** What a handler receives: the caller (unless `auth: 'none'`) and each request part, already parsed. */
export interface RouteInput<A extends AuthLevel = AuthLevel, R extends RequestSchemas = RequestSchemas> {
  caller: A extends 'none' ? undefined : AuthContext;
  params: Parsed<R['params']>;
  query: Parsed<R['query']>;
  headers: Parsed<R['headers']>;
  body: Parsed<R['body']>;
}

type ReplyBody<S> = S extends { body: infer B }
  ? B extends z.ZodType
    ? { body: z.output<B> }
    : B extends 'html'
      ? { body: string }
      : { body: object }
  : { body?: undefined };

/** A handler's answer, as `mountRoutes` sends it. */
export interface Reply {
  status: number;
  /** Sent with `res.location()`. */
  location?: string;
  headers?: Record<string, string>;
  /** A quota the operation counted against (the send limit), reported in the `RateLimit` headers. */
  rateLimit?: RateLimitQuota | null;
  /** JSON, or the page of an `html` response; none when undefined. */
  body?: unknown;
}

/** The replies a route may give: one of its declared statuses with the body that status declares. */
export type TypedReply<Res extends ResponseSpecs> = {
  // `keyof Res`, not `keyof Res & number`: only the plain form keeps a handler's `status: 200` a literal.
  [S in keyof Res]: Omit<Reply, 'status' | 'body'> & { status: S } & ReplyBody<Res[S]>;
}[keyof Res];

/** A route of the table: its spec and its handler, which gets the parsed input and the app's dependencies. */
export interface Route<D> extends RouteSpec {
  handler(input: RouteInput, deps: D): Promise<Reply>;
}

/** The typed form `defineRoute` checks a route against, before the table erases the types. */
export interface RouteDefinition<
  D,
  A extends AuthLevel,
  R extends RequestSchemas,
  Res extends ResponseSpecs,
> extends RouteSpec {
  auth: A;
  request?: R;
  responses: Res;
  handler(input: RouteInput<A, R>, deps: D): Promise<TypedReply<Res>>;
}

/**
 * `defineRoute` for handlers that get dependencies `D`: it infers the handler's input from the request
 * schemas and checks its replies against the declared responses, then erases the types so routes of
 * any shape fit in one table.
 */
export function routeDefiner<D>() {
  return <
    const A extends AuthLevel,
    R extends RequestSchemas = Record<never, never>,
    const Res extends ResponseSpecs = ResponseSpecs,
  >(
    route: RouteDefinition<D, A, R, Res>,
  ): Route<D> => route as unknown as Route<D>;
}
