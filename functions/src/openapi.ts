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
  AddMemberBody,
  Chat,
  ChatPage,
  ChatParams,
  CreateChatBody,
  CreateUserBody,
  EditMessageBody,
  ListChatsQuery,
  ListMembersQuery,
  ListMessagesQuery,
  ListNotificationsQuery,
  ListUsersQuery,
  MarkAllReadResult,
  MarkReadBody,
  Member,
  MemberPage,
  MemberParams,
  ChatEvent,
  Message,
  MessagePage,
  MessageParams,
  Notification,
  NotificationPage,
  NotificationParams,
  SendMessageBody,
  SendMessageHeaders,
  Uid,
  UnreadCounts,
  UpdateChatBody,
  UpdateMemberBody,
  UpdateUserBody,
  UserProfile,
  UserView,
  PublicProfile,
  SessionsRevoked,
  AccountState,
  AdminUserParams,
  SetDisabledBody,
  ErrorEnvelope,
  Ping,
  UserPage,
} from '@chat/core';

const UserParams = z.strictObject({ uid: Uid });

/** Every schema that appears in `components.schemas`, by name. Nested `.meta({ id })` schemas must be here too. */
const components = {
  ErrorEnvelope,
  Ping,
  UserProfile,
  PublicProfile,
  UserView,
  UserPage,
  SessionsRevoked,
  AccountState,
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

type ComponentName = keyof typeof components;
export type HttpMethod = 'get' | 'post' | 'patch' | 'delete';

interface Answer {
  description: string;
  /** A component name, or 'html' for the docs page, or 'json' for any JSON object. */
  body?: ComponentName | 'html' | 'json';
}

/** One route of the API, as `createApp` serves it. */
export interface RouteSpec {
  method: HttpMethod;
  /** Express syntax, as in the route files: `/chats/:chatId`. */
  path: string;
  summary: string;
  tag: string;
  /** `user`: any valid ID token; `admin`: an ID token with the `admin` claim. */
  auth: 'none' | 'user' | 'admin';
  params?: z.ZodObject;
  query?: z.ZodObject;
  headers?: z.ZodObject;
  body?: z.ZodType;
  responses: Partial<Record<number, Answer>>;
  /** Error statuses this route answers besides the ones every route can (401 with auth, 429, 500). */
  errors?: number[];
}

const noContent = { 204: { description: 'Done; no body.' } };

/** The registry: every route of the API. A test walks the Express router and compares. */
export const apiRoutes: RouteSpec[] = [
  {
    method: 'get',
    path: '/ping',
    summary: 'Liveness and Firestore reachability',
    tag: 'health',
    auth: 'none',
    responses: {
      200: { description: 'Up, and Firestore answered.', body: 'Ping' },
      503: { description: 'Up, but Firestore did not answer within 2 s.', body: 'Ping' },
    },
  },
  {
    method: 'get',
    path: '/openapi.json',
    summary: 'This document',
    tag: 'docs',
    auth: 'none',
    responses: { 200: { description: 'The OpenAPI 3.1 document.', body: 'json' } },
  },
  {
    method: 'get',
    path: '/docs',
    summary: 'Human-readable API docs (Swagger UI)',
    tag: 'docs',
    auth: 'none',
    responses: { 200: { description: 'An HTML page that renders /openapi.json.', body: 'html' } },
  },
  {
    method: 'post',
    path: '/users',
    summary: "Create the caller's profile",
    tag: 'users',
    auth: 'user',
    body: CreateUserBody,
    responses: { 201: { description: 'Created.', body: 'UserProfile' } },
    errors: [409],
  },
  {
    method: 'get',
    path: '/users',
    summary: 'Every profile, in uid order (admins only)',
    tag: 'users',
    auth: 'admin',
    query: ListUsersQuery,
    responses: { 200: { description: 'One page.', body: 'UserPage' } },
    errors: [403],
  },
  {
    method: 'get',
    path: '/users/me',
    summary: "The caller's profile",
    tag: 'users',
    auth: 'user',
    responses: { 200: { description: 'The profile.', body: 'UserProfile' } },
    errors: [404],
  },
  {
    method: 'patch',
    path: '/users/me',
    summary: "Change the caller's profile",
    tag: 'users',
    auth: 'user',
    body: UpdateUserBody,
    responses: { 200: { description: 'The changed profile.', body: 'UserProfile' } },
    errors: [404],
  },
  {
    method: 'get',
    path: '/users/:uid',
    summary: "Anyone's profile",
    tag: 'users',
    auth: 'user',
    params: UserParams,
    responses: {
      200: {
        description: 'The whole profile to its owner and app admins; the public one to others.',
        body: 'UserView',
      },
    },
    errors: [404],
  },
  {
    method: 'post',
    path: '/chats',
    summary: 'Open a direct chat or create a group',
    tag: 'chats',
    auth: 'user',
    body: CreateChatBody,
    responses: {
      201: { description: 'Created.', body: 'Chat' },
      200: { description: 'The direct chat with that user already existed.', body: 'Chat' },
    },
    errors: [404],
  },
  {
    method: 'get',
    path: '/chats',
    summary: "The caller's chats, newest activity first",
    tag: 'chats',
    auth: 'user',
    query: ListChatsQuery,
    responses: { 200: { description: 'One page.', body: 'ChatPage' } },
  },
  {
    method: 'get',
    path: '/chats/:chatId',
    summary: 'One chat (404 for non-members)',
    tag: 'chats',
    auth: 'user',
    params: ChatParams,
    responses: { 200: { description: 'The chat.', body: 'Chat' } },
    errors: [404],
  },
  {
    method: 'patch',
    path: '/chats/:chatId',
    summary: 'Rename a group (admins and the owner)',
    tag: 'chats',
    auth: 'user',
    params: ChatParams,
    body: UpdateChatBody,
    responses: { 200: { description: 'The renamed chat.', body: 'Chat' } },
    errors: [403, 404],
  },
  {
    method: 'delete',
    path: '/chats/:chatId',
    summary: 'Delete a chat (the owner)',
    tag: 'chats',
    auth: 'user',
    params: ChatParams,
    responses: noContent,
    errors: [403, 404],
  },
  {
    method: 'get',
    path: '/chats/:chatId/members',
    summary: 'Members, in uid order',
    tag: 'members',
    auth: 'user',
    params: ChatParams,
    query: ListMembersQuery,
    responses: { 200: { description: 'One page.', body: 'MemberPage' } },
    errors: [404],
  },
  {
    method: 'post',
    path: '/chats/:chatId/members',
    summary: 'Add a member (admins and the owner)',
    tag: 'members',
    auth: 'user',
    params: ChatParams,
    body: AddMemberBody,
    responses: { 201: { description: 'Added.', body: 'Member' } },
    errors: [403, 404, 409, 412],
  },
  {
    method: 'patch',
    path: '/chats/:chatId/members/:uid',
    summary: "Change a member's role (the owner) or your own muted flag",
    tag: 'members',
    auth: 'user',
    params: MemberParams,
    body: UpdateMemberBody,
    responses: { 200: { description: 'The changed member.', body: 'Member' } },
    errors: [403, 404, 412],
  },
  {
    method: 'delete',
    path: '/chats/:chatId/members/:uid',
    summary: 'Remove a member (admins and the owner)',
    tag: 'members',
    auth: 'user',
    params: MemberParams,
    responses: noContent,
    errors: [403, 404, 412],
  },
  {
    method: 'post',
    path: '/chats/:chatId/leave',
    summary: 'Leave a chat',
    tag: 'members',
    auth: 'user',
    params: ChatParams,
    responses: noContent,
    errors: [404, 412],
  },
  {
    method: 'get',
    path: '/chats/:chatId/messages',
    summary: 'Messages, oldest first, paged with before/after cursors',
    tag: 'messages',
    auth: 'user',
    params: ChatParams,
    query: ListMessagesQuery,
    responses: { 200: { description: 'One page.', body: 'MessagePage' } },
    errors: [404],
  },
  {
    method: 'post',
    path: '/chats/:chatId/messages',
    summary: 'Send a message (idempotent with Idempotency-Key or clientMessageId)',
    tag: 'messages',
    auth: 'user',
    params: ChatParams,
    headers: SendMessageHeaders,
    body: SendMessageBody,
    responses: {
      201: { description: 'Stored.', body: 'Message' },
      200: {
        description: 'A retry: the original message (header Idempotent-Replayed: true).',
        body: 'Message',
      },
    },
    errors: [404],
  },
  {
    method: 'get',
    path: '/chats/:chatId/messages/:messageId',
    summary: 'One message',
    tag: 'messages',
    auth: 'user',
    params: MessageParams,
    responses: { 200: { description: 'The message.', body: 'Message' } },
    errors: [404],
  },
  {
    method: 'patch',
    path: '/chats/:chatId/messages/:messageId',
    summary: 'Edit your own message',
    tag: 'messages',
    auth: 'user',
    params: MessageParams,
    body: EditMessageBody,
    responses: { 200: { description: 'The edited message.', body: 'Message' } },
    errors: [403, 404, 412],
  },
  {
    method: 'delete',
    path: '/chats/:chatId/messages/:messageId',
    summary: 'Delete a message (yours, or any as a chat admin): leaves a tombstone',
    tag: 'messages',
    auth: 'user',
    params: MessageParams,
    responses: noContent,
    errors: [403, 404],
  },
  {
    method: 'post',
    path: '/chats/:chatId/read',
    summary: 'Mark the chat read up to a message',
    tag: 'read state',
    auth: 'user',
    params: ChatParams,
    body: MarkReadBody,
    responses: { 200: { description: "The caller's member record.", body: 'Member' } },
    errors: [404],
  },
  {
    method: 'get',
    path: '/unread-counts',
    summary: 'Unread messages per chat, and the total',
    tag: 'read state',
    auth: 'user',
    responses: { 200: { description: 'The counts.', body: 'UnreadCounts' } },
  },
  {
    method: 'get',
    path: '/notifications',
    summary: "The caller's inbox, newest first",
    tag: 'notifications',
    auth: 'user',
    query: ListNotificationsQuery,
    responses: { 200: { description: 'One page.', body: 'NotificationPage' } },
  },
  {
    method: 'post',
    path: '/notifications/read-all',
    summary: 'Mark every notification read',
    tag: 'notifications',
    auth: 'user',
    responses: { 200: { description: 'How many changed.', body: 'MarkAllReadResult' } },
  },
  {
    method: 'post',
    path: '/notifications/:notificationId/read',
    summary: 'Mark one notification read',
    tag: 'notifications',
    auth: 'user',
    params: NotificationParams,
    responses: { 200: { description: 'The notification.', body: 'Notification' } },
    errors: [404],
  },
  {
    method: 'post',
    path: '/admin/users/:uid/revoke',
    summary: 'Sign a user out everywhere: revoke their tokens and close their sockets (app admins)',
    tag: 'admin',
    auth: 'admin',
    params: AdminUserParams,
    responses: { 200: { description: 'Revoked.', body: 'SessionsRevoked' } },
    errors: [403, 404],
  },
  {
    method: 'post',
    path: '/admin/users/:uid/disable',
    summary: 'Disable or enable an account; a disabled user loses their sockets at once (app admins)',
    tag: 'admin',
    auth: 'admin',
    params: AdminUserParams,
    body: SetDisabledBody,
    responses: { 200: { description: 'The account state.', body: 'AccountState' } },
    errors: [400, 403, 404],
  },
];

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
  const responses: Record<string, JsonSchema> = {};
  for (const [status, answer] of Object.entries(route.responses)) {
    if (!answer) continue;
    const content =
      answer.body === 'html'
        ? { 'text/html': { schema: { type: 'string' } } }
        : answer.body === 'json'
          ? { 'application/json': { schema: { type: 'object' } } }
          : answer.body
            ? { 'application/json': { schema: { $ref: `#/components/schemas/${answer.body}` } } }
            : undefined;
    responses[status] = { description: answer.description, ...(content ? { content } : {}) };
  }
  const errors = new Set(route.errors ?? []);
  if (route.auth !== 'none') errors.add(401);
  if (route.auth === 'admin' || errors.has(403)) errors.add(403);
  if (route.body || route.query || route.params || route.headers) errors.add(400);
  if (route.body) errors.add(413);
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
      ...parameters('path', route.params),
      ...parameters('query', route.query),
      ...parameters('header', route.headers),
    ],
    ...(route.body
      ? {
          requestBody: {
            required: true,
            content: { 'application/json': { schema: inputSchema(route.body) } },
          },
        }
      : {}),
    responses,
  };
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

/** The OpenAPI 3.1 document of `apiRoutes`. Servers are relative, so it works behind any function URL. */
export function buildOpenApiDocument(): OpenApiDocument {
  const paths: OpenApiDocument['paths'] = {};
  for (const route of apiRoutes) {
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
    tags: [...new Set(apiRoutes.map((route) => route.tag))].map((name) => ({ name })),
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
