/**
 * The API contract: every route, described with the same zod schemas the routes parse their input with
 * and the services' results conform to, turned into an OpenAPI 3.1 document.
 *
 * The generator is zod 4's own `z.toJSONSchema` with a thin document builder here, not a third-party
 * converter: OpenAPI 3.1's schema dialect is JSON Schema 2020-12, which zod emits directly, so there is
 * no translation layer to lag behind zod, and the `.describe()`/`.meta({ id })` already on the core
 * schemas become descriptions and `components.schemas` entries. Request schemas are emitted as zod
 * accepts them (`io: 'input'`: defaults optional, query numbers as integers) and response schemas as the
 * services produce them (`io: 'output'`, unknown properties refused, so a leaked field fails the tests).
 */
import { z } from 'zod';
import {
  Chat,
  ChatEvent,
  ChatPage,
  ErrorEnvelope,
  MarkAllReadResult,
  Member,
  MemberPage,
  Message,
  MessagePage,
  Notification,
  NotificationPage,
  Ping,
  UnreadCounts,
  UserPage,
  UserProfile,
} from '@chat/core';
import type { HttpMethod, ResponseSpec, RouteSpec } from './http/route';

/** Every schema that appears in `components.schemas`, by name. Nested `.meta({ id })` schemas must be here too. */
const components = {
  ErrorEnvelope,
  Ping,
  UserProfile,
  UserPage,
  Chat,
  ChatPage,
  Member,
  MemberPage,
  ChatEvent,
  Message,
  MessagePage,
  Notification,
  NotificationPage,
  MarkAllReadResult,
  UnreadCounts,
} satisfies Record<string, z.ZodType>;

/** The `$ref` of a response schema, which must be one of `components`. */
function componentRef(schema: z.ZodType): string {
  const name = Object.entries(components).find(([, component]) => component === schema)?.[0];
  if (!name) throw new Error('A response schema is missing from `components` in openapi.ts.');
  return `#/components/schemas/${name}`;
}

/** `/chats/:chatId` → `/chats/{chatId}`. */
export function toOpenApiPath(expressPath: string): string {
  return expressPath.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
}

type JsonSchema = Record<string, unknown>;

/** A schema as JSON Schema 2020-12, without the per-document keywords OpenAPI does not want inline. */
function inputSchema(schema: z.ZodType): JsonSchema {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, {
    target: 'draft-2020-12',
    io: 'input',
    unrepresentable: 'any',
  }) as JsonSchema;
  return rest;
}

function componentSchemas(): Record<string, JsonSchema> {
  const registry = z.registry<{ id: string }>();
  for (const [id, schema] of Object.entries(components)) registry.add(schema, { id });
  const { schemas } = z.toJSONSchema(registry, {
    target: 'draft-2020-12',
    io: 'output',
    uri: (id) => `#/components/schemas/${id}`,
  }) as { schemas: Record<string, JsonSchema> };
  const out: Record<string, JsonSchema> = {};
  for (const [id, schema] of Object.entries(schemas)) {
    const { $schema: _schema, $id: _id, ...rest } = schema;
    out[id] = rest;
  }
  if (out['__shared']) {
    throw new Error(
      'A response schema nests a `.meta({ id })` schema missing from `components` in openapi.ts.',
    );
  }
  return out;
}

function parameters(where: 'path' | 'query' | 'header', schema: z.ZodObject | undefined): JsonSchema[] {
  if (!schema) return [];
  const json = inputSchema(schema) as { properties?: Record<string, JsonSchema>; required?: string[] };
  return Object.entries(json.properties ?? {}).map(([name, property]) => {
    const { description, ...rest } = property;
    return {
      name,
      in: where,
      required: where === 'path' || (json.required ?? []).includes(name),
      ...(typeof description === 'string' ? { description } : {}),
      schema: rest,
    };
  });
}

const errorDescriptions: Record<number, string> = {
  400: 'Invalid input (`invalid-argument`); `fields` names each bad field.',
  401: 'No valid ID token (`unauthenticated`, `token-expired`, `token-revoked`).',
  403: 'Not allowed (`permission-denied`, `user-disabled`).',
  404: 'Not found, or not a member (`not-found`: chat ids are not leaked).',
  409: 'Already exists (`already-exists`).',
  412: 'Not possible in this state (`failed-precondition`).',
  413: 'Body larger than 64 KiB (`payload-too-large`).',
  429: 'Rate limited (`resource-exhausted`); see Retry-After and RateLimit.',
  500: 'Our fault (`internal`); logged with the request id.',
};

function operation(route: RouteSpec): JsonSchema {
  const { params, query, headers, body } = route.request ?? {};
  const responses: Record<string, JsonSchema> = {};
  for (const [status, answer] of Object.entries(route.responses)) {
    if (answer) responses[status] = response(answer);
  }
  const errors = new Set(route.errors ?? []);
  if (route.auth !== 'none') errors.add(401);
  if (route.auth === 'admin' || errors.has(403)) errors.add(403);
  if (body || query || params || headers) errors.add(400);
  if (body) errors.add(413);
  errors.add(429);
  errors.add(500);
  for (const status of [...errors].sort()) {
    responses[String(status)] = {
      description: errorDescriptions[status] ?? 'An error.',
      ...(status === 429 ? { headers: rateLimitHeaders } : {}),
      content: { 'application/json': { schema: { $ref: '#/components/schemas/ErrorEnvelope' } } },
    };
  }
  return {
    operationId: `${route.method}${toOpenApiPath(route.path)
      .replace(/[{}]/g, '')
      .split(/[/.-]/)
      .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
      .join('')}`,
    summary: route.summary,
    tags: [route.tag],
    ...(route.auth === 'admin' ? { description: 'Needs an ID token with the `admin` custom claim.' } : {}),
    security: route.auth === 'none' ? [] : [{ firebaseIdToken: [] }],
    parameters: [
      ...parameters('path', params),
      ...parameters('query', query),
      ...parameters('header', headers),
    ],
    ...(body
      ? {
          requestBody: {
            required: true,
            content: { 'application/json': { schema: inputSchema(body) } },
          },
        }
      : {}),
    responses,
  };
}

function response(answer: ResponseSpec): JsonSchema {
  const content =
    answer.body === 'html'
      ? { 'text/html': { schema: { type: 'string' } } }
      : answer.body === 'json'
        ? { 'application/json': { schema: { type: 'object' } } }
        : answer.body
          ? { 'application/json': { schema: { $ref: componentRef(answer.body) } } }
          : undefined;
  return { description: answer.description, ...(content ? { content } : {}) };
}

const rateLimitHeaders = {
  'Retry-After': { description: 'Seconds until the limit resets.', schema: { type: 'integer' } },
  RateLimit: {
    description: 'Remaining quota per policy (draft-ietf-httpapi-ratelimit-headers).',
    schema: { type: 'string' },
  },
  'RateLimit-Policy': { description: 'The policies that applied.', schema: { type: 'string' } },
};

export type OpenApiDocument = Record<string, unknown> & {
  paths: Record<string, Partial<Record<HttpMethod, JsonSchema>>>;
  components: { schemas: Record<string, JsonSchema>; securitySchemes: Record<string, JsonSchema> };
};

/**
 * The OpenAPI 3.1 document of a route table (the API's is `apiRoutes`). Servers are relative, so it works
 * behind any function URL.
 */
export function buildOpenApiDocument(routes: readonly RouteSpec[]): OpenApiDocument {
  const paths: OpenApiDocument['paths'] = {};
  for (const route of routes) {
    const path = toOpenApiPath(route.path);
    paths[path] = { ...paths[path], [route.method]: operation(route) };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Chat API',
      version: '0.1.0',
      description:
        'The REST API of the chat backend. Authenticate with a Firebase ID token: ' +
        '`Authorization: Bearer <token>`. Errors share one envelope; every response carries X-Request-Id.',
    },
    jsonSchemaDialect: 'https://spec.openapis.org/oas/3.1/dialect/base',
    servers: [{ url: '.', description: 'Wherever this document was served from.' }],
    tags: [...new Set(routes.map((route) => route.tag))].map((name) => ({ name })),
    paths,
    components: {
      schemas: componentSchemas(),
      securitySchemes: {
        firebaseIdToken: {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'JWT',
          description: 'A Firebase ID token of the project (Firebase Auth).',
        },
      },
    },
  };
}
