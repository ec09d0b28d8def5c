import type { Namespace, Server, Socket } from 'socket.io';
import {
  RealtimeNamespaces,
  type ChatClientEvents,
  type ChatServerEvents,
  type NotificationClientEvents,
  type NotificationServerEvents,
  type ServerGoodbye,
} from '@chat/core';
import type { Session } from '../auth/verify-token';
import type { LiveViewServerEvents } from '../admin/live-view';
import type { PresenceServerEvents } from '../presence/presence-events';

/**
 * What each socket carries. Plain data only: with the Redis adapter, `fetchSockets()` ships it to other
 * instances.
 */
export interface SocketData {
  session: Session;
}

/**
 * Events one relay instance sends to the others: presence, the heartbeat that finds dead instances, and the
 * admin live view's question.
 */
export type InterServerEvents = PresenceServerEvents & LiveViewServerEvents;

export type RelayServer = Server<Record<string, never>, Record<string, never>, InterServerEvents, SocketData>;
export type ChatNamespace = Namespace<ChatClientEvents, ChatServerEvents, InterServerEvents, SocketData>;
export type ChatSocket = Socket<ChatClientEvents, ChatServerEvents, InterServerEvents, SocketData>;
export type NotificationNamespace = Namespace<
  NotificationClientEvents,
  NotificationServerEvents,
  InterServerEvents,
  SocketData
>;
export type NotificationSocket = Socket<
  NotificationClientEvents,
  NotificationServerEvents,
  InterServerEvents,
  SocketData
>;

/** Any relay socket: both namespaces share the session events. */
export type RelaySocket = Socket<
  NotificationClientEvents,
  { 'server:goodbye': (goodbye: ServerGoodbye) => void },
  InterServerEvents,
  SocketData
>;
export type RelayNamespace = Namespace<
  NotificationClientEvents,
  { 'server:goodbye': (goodbye: ServerGoodbye) => void },
  InterServerEvents,
  SocketData
>;

/** Every socket of a user joins this room in each namespace, so the user can be reached on any instance. */
export const userRoom = (uid: string) => `user:${uid}`;
export const chatRoom = (chatId: string) => `chat:${chatId}`;

/**
 * A socket event listener that Socket.IO calls with the socket as `this`, so one function serves every
 * socket: registering it costs a socket no closure of its own.
 */
export function perSocket<S, A extends unknown[]>(
  listener: (socket: S, ...args: A) => void,
): (this: S, ...args: A) => void {
  return function (this: S, ...args: A) {
    listener(this, ...args);
  };
}

/** The namespaces are typed per their own event maps; Socket.IO's `of()` only knows the server's. */
export function chatNamespace(io: RelayServer): ChatNamespace {
  return io.of(RealtimeNamespaces.chat) as unknown as ChatNamespace;
}
export function notificationNamespace(io: RelayServer): NotificationNamespace {
  return io.of(RealtimeNamespaces.notifications) as unknown as NotificationNamespace;
}
