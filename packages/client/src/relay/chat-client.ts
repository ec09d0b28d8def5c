import { io, type Socket } from 'socket.io-client';
import type {
  ChatClientEvents,
  ChatJoined,
  ChatServerEvents,
  RealtimeMessage,
  ServerGoodbye,
} from '@chat/core/contract';
import {
  RESYNC_RETRY_MS,
  RelayError,
  call,
  catchUp,
  isAfter,
  randomKey,
  tokenExpiry,
  type RelayClientOptions,
} from './shared';

export type ChatSocket = Socket<ChatServerEvents, ChatClientEvents>;

interface JoinedChat {
  /** Id of the newest message delivered, sent back as `after` on rejoin. */
  cursor: { id: string; createdAt: string } | null;
  seen: Set<string>;
  /** Live messages that arrived while a join was in flight: delivered after its history, in order. */
  held: RealtimeMessage[] | null;
  /**
   * Whether a join succeeded on the current connection. Until one does, a live message is not delivered:
   * it would move the cursor past messages the history has not brought yet, and they would never come.
   */
  synced: boolean;
  /** The join in flight, so that two joins of a chat never overlap (each replaces `held`). */
  joining: Promise<unknown> | null;
}

/** Errors that mean the user is not (or no longer) in the chat: rejoining it is pointless. */
const GONE = new Set(['not-found', 'permission-denied']);

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
    this.socket.on('disconnect', () => this.chats.forEach((state) => (state.synced = false)));
  }

  /** Every message of a joined chat, once, from the join's history or live. */
  onMessage(listener: MessageListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Join a chat; after a reconnect the client rejoins it by itself with its cursor. */
  async join(chatId: string): Promise<ChatJoined> {
    if (!this.chats.has(chatId))
      this.chats.set(chatId, { cursor: null, seen: new Set(), held: null, synced: false, joining: null });
    return this.joinOnce(chatId);
  }

  async leave(chatId: string): Promise<void> {
    this.chats.delete(chatId);
    await this.call('chat:leave', { chatId });
  }

  /**
   * Send with an idempotency key, so retrying after a lost ack cannot send twice; `replyToId` names a
   * message of the same chat this one answers.
   */
  send(
    chatId: string,
    text: string,
    clientMessageId: string = randomKey(),
    replyToId?: string,
  ): Promise<RealtimeMessage> {
    return this.call('message:send', { chatId, text, clientMessageId, ...(replyToId ? { replyToId } : {}) });
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

  /** One join at a time per chat: a second one waits for the first to settle. */
  private joinOnce(chatId: string): Promise<ChatJoined> {
    const state = this.chats.get(chatId);
    if (!state) return Promise.reject(new RelayError('failed-precondition', `Not joining ${chatId}.`, 412));
    const attempt = (state.joining ?? Promise.resolve())
      .catch(() => undefined)
      .then(() => this.joinNow(chatId, state));
    state.joining = attempt;
    const settled = () => {
      if (state.joining === attempt) state.joining = null;
    };
    attempt.then(settled, settled);
    return attempt;
  }

  /**
   * Join, and deliver the history, then the live messages held meanwhile. A rejoin that missed more than
   * one page joins again from the moved cursor (`catchUp`), holding live messages all along, since they
   * come after the gap.
   */
  private async joinNow(chatId: string, state: JoinedChat): Promise<ChatJoined> {
    state.held = [];
    let joined: ChatJoined;
    const messages: RealtimeMessage[] = [];
    try {
      joined = await catchUp(
        () => state.cursor?.id,
        (after) => this.call<ChatJoined>('chat:join', { chatId, ...(after ? { after } : {}) }),
        (answer) => {
          answer.messages.forEach((message) => this.deliver(message, true));
          messages.push(...answer.messages);
        },
      );
    } catch (error) {
      // The history did not all come (the instance died mid-join, the ack timed out, the relay refused):
      // the live messages held meanwhile may come after a gap, so delivering them would move the cursor past
      // messages never received. Drop them; the next join brings them from Firestore, after the cursor
      // (moved only by the pages that did come).
      state.held = null;
      state.synced = false;
      throw error;
    }
    const held = state.held ?? [];
    state.held = null;
    state.synced = this.socket.connected;
    held.forEach((message) => this.deliver(message));
    return { ...joined, messages };
  }

  private async rejoin(): Promise<void> {
    for (const chatId of [...this.chats.keys()]) await this.rejoinChat(chatId);
  }

  /**
   * Rejoin one chat with its cursor. Only an answer that the user is not in the chat drops it: a join lost
   * with its instance, or refused for a passing reason, is tried again (at the next connect, or shortly).
   */
  private async rejoinChat(chatId: string): Promise<void> {
    try {
      await this.joinOnce(chatId);
    } catch (error) {
      if (error instanceof RelayError && GONE.has(error.code)) {
        this.chats.delete(chatId);
        return;
      }
      if (!this.socket.connected || this.closed) return; // the next connect rejoins it
      setTimeout(() => {
        const state = this.chats.get(chatId);
        if (state && !state.synced && !this.closed && this.socket.connected) void this.rejoinChat(chatId);
      }, RESYNC_RETRY_MS);
    }
  }

  private deliver(message: RealtimeMessage, fromHistory = false): void {
    const state = this.chats.get(message.chatId);
    if (state && !fromHistory) {
      if (state.held) {
        state.held.push(message);
        return;
      }
      if (!state.synced) return; // the next join's history brings it
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
      this.options.getToken(true).then(
        async (fresh) => {
          await this.call('auth:refresh', { token: fresh }).catch(() => undefined);
          this.scheduleRefresh(fresh);
        },
        // No fresh token now (offline, say): not a crash. When the old one expires the relay says so, and
        // the client reconnects asking for a forced refresh (onGoodbye).
        () => undefined,
      );
    }, delay);
  }

  private call<T>(event: keyof ChatClientEvents, payload: unknown): Promise<T> {
    return call<T>(this.socket, this.options.timeoutMs ?? 10_000, event, payload);
  }
}
