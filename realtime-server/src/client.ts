/**
 * A small typed client for web apps: `/chat` over socket.io-client with the relay's event maps, fresh
 * tokens on every (re)connect and before expiry, rejoining every chat after a reconnect with its cursor
 * (the relay answers with exactly the messages missed), and duplicates dropped by message id.
 *
 * Only type imports from `@chat/core`, so a browser bundle pulls in socket.io-client and nothing else.
 */
import { io, type ManagerOptions, type Socket, type SocketOptions } from 'socket.io-client';
import type {
  Ack,
  ChatClientEvents,
  ChatJoined,
  ChatServerEvents,
  NotificationClientEvents,
  NotificationServerEvents,
  NotificationsSubscribed,
  RealtimeMessage,
  RealtimeNotification,
  ServerGoodbye,
} from '@chat/core';

export type ChatSocket = Socket<ChatServerEvents, ChatClientEvents>;
export type NotificationSocket = Socket<NotificationServerEvents, NotificationClientEvents>;

export interface RelayClientOptions {
  /** The relay's base URL, e.g. https://relay-xyz.a.run.app */
  url: string;
  /** A Firebase ID token; `forceRefresh` after the relay said it expired (Firebase: `user.getIdToken(force)`). */
  getToken(forceRefresh: boolean): Promise<string>;
  /** Refresh the token this long before it expires. @default 60000 */
  refreshBeforeMs?: number;
  /** Ack timeout of every call. @default 10000 */
  timeoutMs?: number;
  /** Extra socket.io-client options (transports, reconnection delays…). */
  socket?: Partial<ManagerOptions & SocketOptions>;
}

/** Raised by the client's calls when the relay answers `{ ok: false }`; `code` is the API's error code. */
export class RelayError extends Error {
  override name = 'RelayError';
  constructor(
    readonly code: string,
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

interface JoinedChat {
  /** Id of the newest message delivered, sent back as `after` on rejoin. */
  cursor: { id: string; createdAt: string } | null;
  seen: Set<string>;
  /** Live messages that arrived while a join was in flight: delivered after its history, in order. */
  held: RealtimeMessage[] | null;
}

type MessageListener = (message: RealtimeMessage) => void;

export class RelayClient {
  readonly socket: ChatSocket;
  private readonly chats = new Map<string, JoinedChat>();
  private readonly listeners = new Set<MessageListener>();
  private refreshTimer: ReturnType<typeof setTimeout> | undefined;
  private forceRefresh = false;
  private closed = false;

  constructor(private readonly options: RelayClientOptions) {
    this.socket = io(`${options.url.replace(/\/$/, '')}/chat`, {
      transports: ['websocket'],
      ...options.socket,
      // Called before every connection attempt, so a reconnect always presents a current token.
      auth: (send) => {
        const force = this.forceRefresh;
        this.forceRefresh = false;
        options.getToken(force).then(
          (token) => {
            this.scheduleRefresh(token);
            send({ token });
          },
          () => send({}),
        );
      },
    });
    this.socket.on('message:new', (message) => this.deliver(message));
    this.socket.on('server:goodbye', (goodbye) => this.onGoodbye(goodbye));
    this.socket.on('connect', () => void this.rejoin());
  }

  /** Every message of a joined chat, once, from the join's history or live. */
  onMessage(listener: MessageListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Join a chat; after a reconnect the client rejoins it by itself with its cursor. */
  async join(chatId: string): Promise<ChatJoined> {
    if (!this.chats.has(chatId)) this.chats.set(chatId, { cursor: null, seen: new Set(), held: null });
    return this.joinOnce(chatId);
  }

  async leave(chatId: string): Promise<void> {
    this.chats.delete(chatId);
    await this.call('chat:leave', { chatId });
  }

  /** Send with an idempotency key, so retrying after a lost ack cannot send twice. */
  send(chatId: string, text: string, clientMessageId: string = randomKey()): Promise<RealtimeMessage> {
    return this.call('message:send', { chatId, text, clientMessageId });
  }

  typing(chatId: string, typing: boolean): void {
    this.socket.emit('typing', { chatId, typing });
  }

  markRead(chatId: string, messageId: string): Promise<{ chatId: string; messageId: string }> {
    return this.call('message:read', { chatId, messageId });
  }

  close(): void {
    this.closed = true;
    clearTimeout(this.refreshTimer);
    this.socket.disconnect();
  }

  private async joinOnce(chatId: string): Promise<ChatJoined> {
    const state = this.chats.get(chatId);
    if (state) state.held = [];
    try {
      const joined = await this.call<ChatJoined>('chat:join', {
        chatId,
        ...(state?.cursor ? { after: state.cursor.id } : {}),
      });
      joined.messages.forEach((message) => this.deliver(message, true));
      return joined;
    } finally {
      const held = state?.held ?? [];
      if (state) state.held = null;
      held.forEach((message) => this.deliver(message));
    }
  }

  private async rejoin(): Promise<void> {
    for (const chatId of this.chats.keys()) {
      // A chat that cannot be rejoined (the user was removed) is dropped; the others go on.
      await this.joinOnce(chatId).catch(() => this.chats.delete(chatId));
    }
  }

  private deliver(message: RealtimeMessage, fromHistory = false): void {
    const state = this.chats.get(message.chatId);
    if (state?.held && !fromHistory) {
      state.held.push(message);
      return;
    }
    if (state) {
      if (state.seen.has(message.id)) return;
      state.seen.add(message.id);
      if (state.seen.size > 5000) state.seen.delete(state.seen.values().next().value as string);
      if (!state.cursor || isAfter(message, state.cursor))
        state.cursor = { id: message.id, createdAt: message.createdAt };
    }
    this.listeners.forEach((listener) => listener(message));
  }

  private onGoodbye(goodbye: ServerGoodbye): void {
    if (goodbye.code !== 'token-expired' || this.closed) return;
    // The relay closed the namespace on purpose, so socket.io-client will not reconnect by itself.
    this.forceRefresh = true;
    this.socket.once('disconnect', () => this.socket.connect());
  }

  private scheduleRefresh(token: string): void {
    clearTimeout(this.refreshTimer);
    const expiresAt = tokenExpiry(token);
    if (!expiresAt) return;
    const delay = Math.max(0, expiresAt - Date.now() - (this.options.refreshBeforeMs ?? 60_000));
    this.refreshTimer = setTimeout(() => {
      void this.options.getToken(true).then(async (fresh) => {
        await this.call('auth:refresh', { token: fresh }).catch(() => undefined);
        this.scheduleRefresh(fresh);
      });
    }, delay);
  }

  private async call<T>(event: keyof ChatClientEvents, payload: unknown): Promise<T> {
    const answer = (await this.socket
      .timeout(this.options.timeoutMs ?? 10_000)
      .emitWithAck(event as 'chat:leave', payload as never)) as unknown as Ack<T>;
    if (!answer.ok) throw new RelayError(answer.error.code, answer.error.message, answer.error.status);
    return answer.data;
  }
}

/**
 * `/notifications` for a web app: subscribes on every (re)connect with the id of the newest notification it
 * holds, so the relay acks exactly what was missed; duplicates are dropped by id.
 */
export class RelayNotifications {
  readonly socket: NotificationSocket;
  private newest: RealtimeNotification | null = null;
  private readonly seen = new Set<string>();
  private readonly listeners = new Set<(notification: RealtimeNotification) => void>();
  private held: RealtimeNotification[] | null = null;
  private subscribed: Array<() => void> = [];

  constructor(private readonly options: RelayClientOptions) {
    this.socket = io(`${options.url.replace(/\/$/, '')}/notifications`, {
      transports: ['websocket'],
      ...options.socket,
      auth: (send) => {
        options.getToken(false).then(
          (token) => send({ token }),
          () => send({}),
        );
      },
    });
    this.socket.on('notification:new', (notification) => this.deliver(notification));
    this.socket.on('connect', () => void this.subscribe().catch(() => undefined));
  }

  /** Every notification once, from a subscribe ack or live. */
  onNotification(listener: (notification: RealtimeNotification) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Resolves once the next subscription (on connect or reconnect) has been acknowledged. */
  whenSubscribed(): Promise<void> {
    return new Promise((resolve) => this.subscribed.push(resolve));
  }

  close(): void {
    this.socket.disconnect();
  }

  private async subscribe(): Promise<void> {
    this.held = [];
    try {
      const answer = (await this.socket
        .timeout(this.options.timeoutMs ?? 10_000)
        .emitWithAck(
          'notifications:subscribe',
          this.newest ? { after: this.newest.id } : {},
        )) as unknown as Ack<NotificationsSubscribed>;
      if (answer.ok) answer.data.notifications.forEach((notification) => this.deliver(notification, true));
    } finally {
      const held = this.held ?? [];
      this.held = null;
      held.forEach((notification) => this.deliver(notification));
      this.subscribed.splice(0).forEach((resolve) => resolve());
    }
  }

  private deliver(notification: RealtimeNotification, fromAck = false): void {
    if (this.held && !fromAck) {
      this.held.push(notification);
      return;
    }
    if (this.seen.has(notification.id)) return;
    this.seen.add(notification.id);
    if (!this.newest || isAfter(notification, this.newest)) this.newest = notification;
    this.listeners.forEach((listener) => listener(notification));
  }
}

function isAfter(
  message: { id: string; createdAt: string },
  cursor: { id: string; createdAt: string },
): boolean {
  if (message.createdAt !== cursor.createdAt) return message.createdAt > cursor.createdAt;
  return message.id > cursor.id;
}

/** The `exp` of a JWT, in ms; null when it cannot be read. */
function tokenExpiry(token: string): number | null {
  try {
    const payload = JSON.parse(atob(token.split('.')[1]?.replace(/-/g, '+').replace(/_/g, '/') ?? '')) as {
      exp?: unknown;
    };
    return typeof payload.exp === 'number' ? payload.exp * 1000 : null;
  } catch {
    return null;
  }
}

function randomKey(): string {
  return `c-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 12)}`;
}
