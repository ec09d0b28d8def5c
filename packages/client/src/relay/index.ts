/**
 * The relay's typed Socket.IO clients:
 * - `RelayClient`: `/chat` with the relay's event maps, a fresh token on every (re)connect and before
 *   expiry, every chat rejoined after a reconnect with its cursor (the relay answers with exactly the
 *   messages missed), duplicates dropped by message id;
 * - `RelayNotifications`: `/notifications`, resubscribed with its newest notification id the same way.
 *
 * Only type imports from `@chat/core/contract`, so a browser bundle pulls in socket.io-client and nothing else.
 */
export { RelayClient, type ChatSocket } from './chat-client';
export { RelayNotifications, type NotificationSocket } from './notification-client';
export { RelayError, type RelayClientOptions } from './shared';
