/**
 * The browser-safe part of core (`@chat/core/contract`): the zod schemas of the API, the relay's event
 * contract and the error codes and envelope. Nothing here imports firebase-admin or a Node built-in, so a web
 * app (and `@chat/client`) can use it; the package's main entry also exports services and repositories,
 * which pull in the Admin SDK.
 */
export { ErrorCodes, type ErrorCode } from './errors';
export * from './schemas/error-envelope';
export * from './schemas/common';
export * from './schemas/plain-text';
export * from './schemas/user';
export * from './schemas/chat';
export * from './schemas/member';
export * from './schemas/message';
export * from './schemas/read-state';
export * from './schemas/notification';
export * from './schemas/health';
export * from './realtime/events';
