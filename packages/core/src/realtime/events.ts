/**
 * The relay's wire contract, shared by the relay and its clients: the zod schemas of every client → server
 * payload (the relay validates with them) and the typed event maps that Socket.IO's `Server<…>` and
 * `Socket<…>` take. No socket.io import here, so a web app can use it with socket.io-client alone.
 */
import { z } from 'zod';
import type { ErrorEnvelope } from '../schemas/error-envelope';
import { ChatId, MessageId, NotificationId } from '../schemas/common';
import type { Chat, ChatType } from '../schemas/chat';
import { IdempotencyKey, SendMessageBody, type Message } from '../schemas/message';
import type { Notification } from '../schemas/notification';
import { MarkReadBody } from '../schemas/read-state';
import { Uid } from '../schemas/user';

/** The namespaces the relay serves. */
export const RealtimeNamespaces = { chat: '/chat', notifications: '/notifications' } as const;

// ---- client → server payloads ------------------------------------------------------------------------

/**
 * Join a chat's room. With `after` (the id of the newest message the client holds), the ack carries exactly
 * the messages committed after it; without, the most recent ones.
 */
export const ChatJoinPayload = z.strictObject({
  chatId: ChatId,
  after: MessageId.nullable().optional(),
  limit: z.number().int().min(1).max(500).optional(),
});
export type ChatJoinPayload = z.infer<typeof ChatJoinPayload>;

export const ChatLeavePayload = z.strictObject({ chatId: ChatId });
export type ChatLeavePayload = z.infer<typeof ChatLeavePayload>;

/**
 * The REST send body (same rules) plus the chat. `clientMessageId` is the idempotency key and is required
 * here: a socket send is retried after a reconnect, and the retry must return the first message.
 */
export const MessageSendPayload = SendMessageBody.extend({ chatId: ChatId, clientMessageId: IdempotencyKey });
export type MessageSendPayload = z.infer<typeof MessageSendPayload>;

/** A private message to one user, through (and creating if need be) your direct chat with them. */
export const MessagePrivatePayload = z.strictObject({
  to: Uid,
  text: SendMessageBody.shape.text,
  clientMessageId: IdempotencyKey,
});
export type MessagePrivatePayload = z.infer<typeof MessagePrivatePayload>;

export const TypingPayload = z.strictObject({ chatId: ChatId, typing: z.boolean() });
export type TypingPayload = z.infer<typeof TypingPayload>;

export const MessageReadPayload = MarkReadBody.extend({ chatId: ChatId });
export type MessageReadPayload = z.infer<typeof MessageReadPayload>;

/**
 * Start receiving `notification:new`. With `after` (the id of the newest notification the client holds), the
 * ack carries exactly the notifications created after it; every later one arrives live, none twice.
 */
export const NotificationsSubscribePayload = z.strictObject({
  after: NotificationId.nullable().optional(),
  limit: z.number().int().min(1).max(500).optional(),
});
export type NotificationsSubscribePayload = z.infer<typeof NotificationsSubscribePayload>;

/** A fresh Firebase ID token for the same user, sent before the current one expires. */
export const AuthRefreshPayload = z.strictObject({ token: z.string().min(1).max(8192) });
export type AuthRefreshPayload = z.infer<typeof AuthRefreshPayload>;

// ---- server → client payloads -------------------------------------------------------------------------

/** A message exactly as the REST API returns it; `id` is what clients dedupe on. */
export type RealtimeMessage = Message;

/** A chat as broadcast to its room: the REST `Chat` without the per-caller parts. */
export interface RealtimeChat {
  id: string;
  type: ChatType;
  title: string | null;
  memberIds: string[];
  updatedAt: string | null;
  lastActivityAt: string | null;
}

/** The parts of a chat its room is told: the same for every member, unlike `membership`. */
export function realtimeChatOf(chat: Chat): RealtimeChat {
  const { id, type, title, memberIds, updatedAt, lastActivityAt } = chat;
  return { id, type, title, memberIds, updatedAt, lastActivityAt };
}

/** A notification exactly as `GET /notifications` returns it. */
export type RealtimeNotification = Notification;

export interface ChatJoined {
  chat: RealtimeChat;
  /** Oldest first. With `after`, exactly the messages after it; otherwise the most recent ones. */
  messages: RealtimeMessage[];
  /**
   * True when the chat holds more than was returned, the page being capped by `limit` and the relay's
   * HISTORY_LIMIT. Without `after`: older messages, which the REST API pages. With it: more were missed;
   * join again with `after` the last one returned (`RelayClient` does) until it is false.
   */
  hasMore: boolean;
  /** Members with at least one socket in the room, on any relay instance. */
  online: string[];
}

/** What every ack carries: the result, or the API's error object (same codes as the REST envelope). */
export type Ack<T> = { ok: true; data: T } | { ok: false; error: ErrorEnvelope['error'] };
export type AckCallback<T> = (answer: Ack<T>) => void;

/** The reason a server sends before it closes a socket on purpose. */
export interface ServerGoodbye {
  code: 'token-expired' | 'token-revoked' | 'user-disabled' | 'unauthenticated' | 'shutting-down';
  message: string;
  /** True when reconnecting (with a fresh token if the code says so) is expected to work. */
  reconnect: boolean;
}

/** Events both namespaces share. */
interface SessionClientEvents {
  'auth:refresh': (payload: AuthRefreshPayload, ack: AckCallback<{ expiresAt: string }>) => void;
}
interface SessionServerEvents {
  /** Sent just before the relay closes the socket on purpose. */
  'server:goodbye': (goodbye: ServerGoodbye) => void;
}

/** `/chat`: client → server. */
export interface ChatClientEvents extends SessionClientEvents {
  'chat:join': (payload: ChatJoinPayload, ack: AckCallback<ChatJoined>) => void;
  'chat:leave': (payload: ChatLeavePayload, ack: AckCallback<{ chatId: string }>) => void;
  'message:send': (payload: MessageSendPayload, ack: AckCallback<RealtimeMessage>) => void;
  'message:private': (
    payload: MessagePrivatePayload,
    ack: AckCallback<{ chatId: string; message: RealtimeMessage }>,
  ) => void;
  'message:read': (
    payload: MessageReadPayload,
    ack: AckCallback<{ chatId: string; messageId: string }>,
  ) => void;
  /** The ack is optional: typing is fire-and-forget. */
  typing: (payload: TypingPayload, ack?: AckCallback<null>) => void;
}

/** `/chat`: server → client. */
export interface ChatServerEvents extends SessionServerEvents {
  'message:new': (message: RealtimeMessage) => void;
  'message:updated': (message: RealtimeMessage) => void;
  'message:deleted': (message: RealtimeMessage) => void;
  'chat:updated': (chat: RealtimeChat) => void;
  /** You were removed from the chat: the relay has already taken your sockets out of its room. */
  'chat:removed': (event: { chatId: string }) => void;
  'member:joined': (event: { chatId: string; uid: string }) => void;
  'member:left': (event: { chatId: string; uid: string }) => void;
  typing: (event: { chatId: string; uid: string; typing: boolean }) => void;
  presence: (event: { chatId: string; uid: string; online: boolean }) => void;
}

export interface NotificationsSubscribed {
  /** Oldest first: the notifications created after `after` (none without it). */
  notifications: RealtimeNotification[];
  /**
   * True when more than `limit` were missed: subscribe again with `after` the last one returned
   * (`RelayNotifications` does), or page them through `GET /notifications`.
   */
  hasMore: boolean;
}

/** `/notifications`: client → server. */
export interface NotificationClientEvents extends SessionClientEvents {
  'notifications:subscribe': (
    payload: NotificationsSubscribePayload,
    ack: AckCallback<NotificationsSubscribed>,
  ) => void;
}

/** `/notifications`: server → client. */
export interface NotificationServerEvents extends SessionServerEvents {
  'notification:new': (notification: RealtimeNotification) => void;
}

/** The handshake `auth` object: `io(url, { auth: { token } })`. */
export const HandshakeAuth = z.object({ token: z.string().min(1).max(8192) });
export type HandshakeAuth = z.infer<typeof HandshakeAuth>;
