import {
  AppError,
  realtimeChatOf,
  AuthRefreshPayload,
  ChatJoinPayload,
  ChatLeavePayload,
  MessagePrivatePayload,
  MessageReadPayload,
  MessageSendPayload,
  TypingPayload,
  type ChatClientEvents,
  type ChatJoined,
  type RealtimeChat,
  type FeedRepositories,
  type RealtimeMessage,
  type Services,
} from '@chat/core';
import type { SessionKeeper } from '../auth/session-keeper';
import { historyPageSize, type RelayConfig } from '../config';
import { ChatFeed, type ChatFeedEvents } from '../listeners/chat-feed';
import { RefCounted } from '../listeners/ref-counted';
import type { Logs } from '../logs';
import { RoomPresence } from '../presence/room-presence';
import { REQUESTS_TIMEOUT_MS } from '../redis';
import { settlesWithin } from '../settles-within';
import { bindEvents, type EventBinding, type EventHandlers } from '../sockets/event-handlers';
import {
  chatRoom,
  perSocket,
  userRoom,
  type ChatNamespace,
  type ChatSocket,
  type RelaySocket,
} from '../sockets/socket-types';

export interface ChatNamespaceDeps {
  nsp: ChatNamespace;
  /** The core services, the very ones behind the REST routes: same rules, same send limit. */
  services: Services;
  /** Where the feeds get their queries. */
  repositories: FeedRepositories;
  sessions: SessionKeeper;
  logs: Logs;
  config: RelayConfig;
}

/**
 * `/chat`: one room per chat, fed by one ChatFeed (one Firestore listener) per active room on this instance.
 *
 * - Persistent events (messages, chat and member changes) are emitted with `local`: every instance has its
 *   own feed for the rooms its sockets are in, so nothing persistent crosses Redis and nothing arrives twice.
 * - Ephemeral events (typing, presence) go through the adapter, so they reach every instance.
 */
export class ChatRooms {
  private readonly feeds: RefCounted<ChatFeed>;
  /** The chats each local socket has joined (also the reference counts of `feeds`). */
  private readonly joined = new WeakMap<ChatSocket, Set<string>>();
  private readonly presence: RoomPresence;
  /** One table for every socket of the namespace (see `bindEvents`). */
  private readonly events: EventBinding<ChatClientEvents, ChatSocket>;
  private closed = false;

  constructor(private readonly deps: ChatNamespaceDeps) {
    this.feeds = new RefCounted(
      (chatId) =>
        new ChatFeed(deps.repositories, chatId, this.feedEvents(), deps.logs, {
          checkMs: deps.config.listenerCheckMs,
        }),
    );
    this.presence = new RoomPresence(deps.nsp, deps.logs, {
      clustered: deps.config.redisUrl !== undefined,
      heartbeatMs: deps.config.presenceHeartbeatMs,
      peerTimeoutMs: deps.config.presencePeerTimeoutMs,
      requestsTimeoutMs: REQUESTS_TIMEOUT_MS,
    });
    this.events = {
      handlers: this.eventHandlers(),
      admit: (socket, args) => deps.sessions.admit(socket as unknown as RelaySocket, args),
      logs: deps.logs,
      eventsPerSecond: deps.config.eventsPerSecond,
    };
    deps.nsp.on('connection', (socket) => this.connected(socket));
  }

  /** How many chat rooms have a live feed on this instance. */
  get activeFeeds(): number {
    return this.feeds.size;
  }

  /**
   * Close every feed. Sockets disconnected after this leave their rooms without presence broadcasts: the
   * other instances hear one goodbye instead, and announce offline whoever does not reconnect to them.
   */
  close(): void {
    this.closed = true;
    this.presence.close();
    this.feeds.closeAll();
  }

  /** Settles when nothing of this namespace's still needs Redis (see `RoomPresence.drained`). */
  drained(): Promise<void> {
    return this.presence.drained();
  }

  private connected(socket: ChatSocket): void {
    const { logs, sessions } = this.deps;
    const uid = socket.data.session.auth.uid;
    this.joined.set(socket, new Set());
    sessions.track(socket as unknown as RelaySocket);
    logs.connected('/chat', uid, socket.id);
    bindEvents(socket, uid, this.events);
    socket.on('disconnect', this.disconnected);
  }

  private readonly disconnected = perSocket((socket: ChatSocket, reason: string) => {
    this.deps.sessions.untrack(socket as unknown as RelaySocket);
    this.deps.logs.disconnected('/chat', socket.data.session.auth.uid, socket.id, reason);
    for (const chatId of [...(this.joined.get(socket) ?? [])]) void this.leave(socket, chatId);
  });

  private eventHandlers(): EventHandlers<ChatClientEvents, ChatSocket> {
    const { services, sessions, nsp } = this.deps;
    const auth = (socket: ChatSocket) => socket.data.session.auth;
    return {
      'chat:join': { schema: ChatJoinPayload, run: (socket, payload) => this.join(socket, payload) },
      'chat:leave': {
        schema: ChatLeavePayload,
        run: async (socket, { chatId }) => {
          await this.leave(socket, chatId);
          return { chatId };
        },
      },
      'message:send': {
        schema: MessageSendPayload,
        run: async (socket, { chatId, text, replyToId, clientMessageId }) => {
          const body = { text, clientMessageId, ...(replyToId ? { replyToId } : {}) };
          const sent = await services.messages.send(auth(socket), chatId, body, {
            idempotencyKey: clientMessageId,
          });
          return sent.message;
        },
      },
      'message:private': {
        schema: MessagePrivatePayload,
        run: async (socket, { to, text, clientMessageId }) => {
          const { chatId, message } = await services.messages.sendPrivate(
            auth(socket),
            to,
            { text, clientMessageId },
            { idempotencyKey: clientMessageId },
          );
          // The recipient may not be in the direct chat's room yet (a first message): reach their sockets
          // directly, on any instance, except those the room's own feed already serves. Not once closing:
          // Redis may be gone, and the recipient recovers the message from Firestore when reconnecting.
          if (!this.closed) nsp.to(userRoom(to)).except(chatRoom(chatId)).emit('message:new', message);
          return { chatId, message };
        },
      },
      'message:read': {
        schema: MessageReadPayload,
        run: async (socket, { chatId, messageId }) => {
          await services.readState.markRead(auth(socket), chatId, { messageId });
          return { chatId, messageId };
        },
      },
      typing: {
        schema: TypingPayload,
        run: async (socket, { chatId, typing }) => {
          if (!this.joined.get(socket)?.has(chatId)) {
            throw new AppError('failed-precondition', 'Join the chat (chat:join) before sending typing.');
          }
          socket.to(chatRoom(chatId)).emit('typing', { chatId, uid: auth(socket).uid, typing });
          return null;
        },
      },
      'auth:refresh': {
        schema: AuthRefreshPayload,
        run: (socket, { token }) => sessions.refresh(socket as unknown as RelaySocket, token),
      },
    };
  }

  /**
   * Join a chat's room and answer with its history. The socket enters the room at a known point of the
   * feed's emission order; the history holds exactly the messages emitted before that point, so every
   * message reaches the client once: from the history or live, never both, never neither.
   */
  private async join(socket: ChatSocket, payload: ChatJoinPayload): Promise<ChatJoined> {
    const { services, config } = this.deps;
    const auth = socket.data.session.auth;
    const chats = this.joined.get(socket);
    if (!chats) throw AppError.unauthenticated('The socket is closing.');
    const { chatId } = payload;
    const alreadyIn = chats.has(chatId);
    if (!alreadyIn && chats.size >= config.maxRoomsPerSocket) {
      throw new AppError(
        'resource-exhausted',
        `A socket may be in at most ${config.maxRoomsPerSocket} chats; leave one first.`,
      );
    }
    // A cheap check first, so that a non-member never makes the relay open a listener.
    await services.chats.requireMember(auth, chatId);
    if (socket.disconnected) throw AppError.unauthenticated('The socket closed.');
    if (!alreadyIn) {
      chats.add(chatId);
      this.feeds.acquire(chatId);
    }
    const feed = this.feeds.get(chatId);
    if (!feed) throw AppError.unavailable('The chat feed closed; retry.');
    if (!(await settlesWithin(feed.ready, config.feedOpenTimeoutMs))) {
      // The listener has not delivered its first snapshot (Firestore unreachable, a stream stuck): waiting
      // on would hang the client. The socket gives its feed back; the listener keeps trying for any other.
      if (!alreadyIn && chats.delete(chatId)) this.feeds.release(chatId);
      throw AppError.unavailable(
        `The chat's feed did not open within ${config.feedOpenTimeoutMs} ms; retry.`,
      );
    }
    // Membership read after `guard`: a removal committed after this read is emitted after `guard`, and
    // one committed before it fails the read. Either way a removed member does not enter the room.
    const guard = feed.position;
    let chat: RealtimeChat;
    try {
      chat = realtimeChatOf(await services.chats.getAsMember(auth, chatId));
    } catch (error) {
      await this.leave(socket, chatId);
      throw error;
    }
    if (socket.disconnected || !chats.has(chatId))
      throw AppError.unavailable('The socket left while joining.');
    if (feed.removedSince(auth.uid, guard)) {
      await this.leave(socket, chatId);
      // The API's one answer for "no such chat" and "not your chat", so chat ids do not leak.
      throw AppError.notFound(`No chat ${chatId}.`);
    }
    // No await between the mark and the join: the room gets everything emitted after `position`.
    const position = feed.position;
    await socket.join(chatRoom(chatId));

    // Capped at HISTORY_LIMIT, so a join stays cheap; `hasMore` sends the client to REST for the rest.
    const limit = historyPageSize(config, payload.limit);
    let fetched: RealtimeMessage[];
    let hasMore = false;
    if (payload.after) {
      fetched = (await services.messages.listAfterMessage(auth, chatId, payload.after, limit + 1)).messages;
      hasMore = fetched.length > limit;
      fetched = fetched.slice(0, limit);
    } else {
      const page = await services.messages.list(auth, chatId, { limit });
      fetched = page.messages;
      hasMore = page.olderCursor !== null; // older messages than the page: REST has them
    }
    const messages = fetched.filter((m) => feed.emittedBefore(m, position));

    const { uids: others } = await this.presence.online(chatId, socket.id);
    const online = [...new Set([...others, auth.uid])];
    if (!alreadyIn && !others.has(auth.uid))
      this.presence.announce({ chatId, uid: auth.uid, online: true }, socket.id);
    this.presence.joined(chatId, online);
    return { chat, messages, hasMore, online };
  }

  private async leave(socket: ChatSocket, chatId: string): Promise<void> {
    const chats = this.joined.get(socket);
    if (!chats?.delete(chatId)) return;
    const uid = socket.data.session.auth.uid;
    await socket.leave(chatRoom(chatId));
    this.feeds.release(chatId);
    // Shutting down: the adapter (and Redis) are going away, and every client is reconnecting anyway.
    if (this.closed) return;
    const rest = await this.presence.online(chatId);
    if (this.closed) return;
    // A live instance did not answer: every instance checks the room again until one can tell.
    if (!rest.complete) this.presence.recheck(chatId);
    else if (!rest.uids.has(uid)) this.presence.announce({ chatId, uid, online: false });
  }

  /** Take every local socket of `uid` (or every one, when `uid` is null) out of a chat's room. */
  private evict(chatId: string, uid: string | null): void {
    const ids = this.deps.nsp.adapter.rooms.get(chatRoom(chatId));
    for (const id of [...(ids ?? [])]) {
      const socket = this.deps.nsp.sockets.get(id);
      if (!socket || (uid !== null && socket.data.session.auth.uid !== uid)) continue;
      socket.emit('chat:removed', { chatId });
      void this.leave(socket, chatId);
    }
  }

  private feedEvents(): ChatFeedEvents {
    const room = (chatId: string) => this.deps.nsp.local.to(chatRoom(chatId));
    return {
      messageNew: (message) => room(message.chatId).emit('message:new', message),
      messageUpdated: (message) => room(message.chatId).emit('message:updated', message),
      messageDeleted: (message) => room(message.chatId).emit('message:deleted', message),
      chatUpdated: (chat) => room(chat.id).emit('chat:updated', chat),
      memberJoined: (chatId, uid) => room(chatId).emit('member:joined', { chatId, uid }),
      memberLeft: (chatId, uid) => {
        // Out of the room before anyone is told, so a removed member gets nothing more.
        this.evict(chatId, uid);
        room(chatId).emit('member:left', { chatId, uid });
      },
      chatGone: (chatId) => this.evict(chatId, null),
    };
  }
}
