/**
 * `@chat/client`: what a web app needs to talk to the backend, with no Node built-ins.
 * - `createApiClient`: the REST API, typed from its OpenAPI document (`paths`, `components`); errors are
 *   thrown as `ApiError`.
 * - `RelayClient` and `RelayNotifications`: the Socket.IO relay's `/chat` and `/notifications`.
 * - The wire types (`Message`, `Chat`, `RealtimeMessage`, `ChatJoined`, …) from core's browser-safe contract.
 */
export * from './rest';
export * from './relay';
export type * from '@chat/core/contract';
