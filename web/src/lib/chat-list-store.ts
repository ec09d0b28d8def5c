/**
 * The chat list: `GET /chats` once, then live. Every chat is joined on the relay, so each new message
 * moves its chat to the top, sets its last message and, unless the chat is open, counts as unread. Chats
 * the user is added to arrive as notifications (`member-added`), removals as `chat:removed`.
 */
import type { Chat, LastMessage, RealtimeMessage } from '@chat/client';
import { describeError } from './api';
import { compareMessages } from './order';
import type { Session } from './session';
import { Store } from './store';

export interface ChatSummary {
  id: string;
  type: Chat['type'];
  title: string | null;
  memberIds: string[];
  lastMessage: LastMessage | null;
  lastActivityAt: string;
  unread: number;
  /** Members with a socket in the chat's room. */
  online: string[];
}

interface ChatListState {
  chats: ChatSummary[];
  loading: boolean;
  error: string | null;
}

/** The chat a notification is about (`chats/{chatId}` or `chats/{chatId}/messages/{messageId}`). */
export function chatIdOf(subject: string | null): string | null {
  return /^chats\/([^/]+)/.exec(subject ?? '')?.[1] ?? null;
}

/** What a tab tells the user's other tabs when it reads a chat up to a message. */
interface ReadMarker {
  chatId: string;
  id: string;
  createdAt: string;
}

const newestFirst = (a: ChatSummary, b: ChatSummary) => (a.lastActivityAt < b.lastActivityAt ? 1 : -1);

export class ChatListStore extends Store<ChatListState> {
  private readonly byId = new Map<string, ChatSummary>();
  private active: string | null = null;
  private readonly cleanups: Array<() => void> = [];
  /** Per chat, the newest message read here or in another tab: older arrivals are not unread. */
  private readonly readUpTo = new Map<string, ReadMarker>();
  private channel: BroadcastChannel | null = null;

  constructor(private readonly session: Session) {
    super({ chats: [], loading: true, error: null });
  }

  /** Follow the relay and load the list; the returned function stops following. */
  start(): () => void {
    const { relay, notifications } = this.session;
    this.cleanups.push(relay.onMessage((message) => this.onMessage(message)));
    const onUpdated = (chat: { id: string; title: string | null; memberIds: string[] }) =>
      this.patch(chat.id, { title: chat.title, memberIds: chat.memberIds });
    const onRemoved = ({ chatId }: { chatId: string }) => this.drop(chatId);
    const onPresence = ({ chatId, uid, online }: { chatId: string; uid: string; online: boolean }) => {
      const chat = this.byId.get(chatId);
      if (!chat) return;
      const others = chat.online.filter((id) => id !== uid);
      this.patch(chatId, { online: online ? [...others, uid] : others });
    };
    relay.socket.on('chat:updated', onUpdated);
    relay.socket.on('chat:removed', onRemoved);
    relay.socket.on('presence', onPresence);
    // Chats the user joins (added by someone, or created in another tab) come through the inbox.
    this.cleanups.push(
      notifications.onNotification((n) => {
        const chatId = chatIdOf(n.subject);
        if (chatId && !this.byId.has(chatId)) void this.addById(chatId);
      }),
    );
    this.cleanups.push(() => {
      relay.socket.off('chat:updated', onUpdated);
      relay.socket.off('chat:removed', onRemoved);
      relay.socket.off('presence', onPresence);
    });
    this.openReadChannel();
    void this.load();
    return () => this.cleanups.splice(0).forEach((cleanup) => cleanup());
  }

  /**
   * Read markers between this user's tabs. The relay answers `message:read` to the sender only and tells
   * no other socket, so this covers the open tabs of one browser (same origin); other devices see the
   * cleared count on their next `GET /chats`.
   */
  private openReadChannel(): void {
    if (typeof BroadcastChannel === 'undefined') return;
    const channel = new BroadcastChannel(`chat-read:${this.session.uid}`);
    channel.onmessage = (event: MessageEvent<ReadMarker>) => this.applyRead(event.data);
    this.channel = channel;
    this.cleanups.push(() => {
      channel.close();
      this.channel = null;
    });
  }

  /** The chat is read up to `message` in this tab: clear its badge here and in the user's other tabs. */
  markRead(chatId: string, message: { id: string; createdAt: string }): void {
    const marker: ReadMarker = { chatId, id: message.id, createdAt: message.createdAt };
    this.applyRead(marker);
    this.channel?.postMessage(marker);
  }

  private applyRead(marker: ReadMarker): void {
    const known = this.readUpTo.get(marker.chatId);
    if (!known || compareMessages(marker, known) > 0) this.readUpTo.set(marker.chatId, marker);
    this.patch(marker.chatId, { unread: 0 });
  }

  private async load(): Promise<void> {
    try {
      const chats = await this.session.api.listChats();
      chats.forEach((chat) => this.add(chat));
      this.update({ loading: false, error: null });
    } catch (error) {
      this.update({ loading: false, error: describeError(error) });
    }
  }

  /** Add a chat the user just created or opened. */
  add(chat: Chat): void {
    if (this.byId.has(chat.id)) return;
    this.byId.set(chat.id, {
      id: chat.id,
      type: chat.type,
      title: chat.title,
      memberIds: chat.memberIds,
      lastMessage: chat.lastMessage,
      lastActivityAt: chat.lastActivityAt,
      unread: chat.id === this.active ? 0 : (chat.membership?.unreadCount ?? 0),
      online: [],
    });
    this.publish();
    this.session.relay.join(chat.id).then(
      (joined) => this.patch(chat.id, { online: joined.online }),
      () => undefined, // not a member any more: the list drops it on chat:removed or reload
    );
  }

  /** The open chat: its badge stays at zero while it is open. */
  setActive(chatId: string | null): void {
    this.active = chatId;
    if (chatId) this.patch(chatId, { unread: 0 });
  }

  get(chatId: string): ChatSummary | undefined {
    return this.byId.get(chatId);
  }

  /** Forget a chat the user left or was removed from. */
  drop(chatId: string): void {
    if (!this.byId.delete(chatId)) return;
    void this.session.relay.leave(chatId).catch(() => undefined);
    this.publish();
  }

  private async addById(chatId: string): Promise<void> {
    try {
      this.add(await this.session.api.getChat(chatId));
    } catch {
      // Removed again before we looked: nothing to show.
    }
  }

  private onMessage(message: RealtimeMessage): void {
    const chat = this.byId.get(message.chatId);
    if (!chat || message.type !== 'text') return;
    if (chat.lastMessage && compareMessages(message, chat.lastMessage) <= 0) return;
    const mine = message.senderId === this.session.uid;
    const read = this.readUpTo.get(chat.id);
    const readElsewhere = read !== undefined && compareMessages(message, read) <= 0;
    this.patch(chat.id, {
      lastMessage: { id: message.id, senderId: message.senderId, text: message.text, createdAt: message.createdAt },
      lastActivityAt: message.createdAt > chat.lastActivityAt ? message.createdAt : chat.lastActivityAt,
      unread: mine || readElsewhere || chat.id === this.active ? chat.unread : chat.unread + 1,
    });
  }

  private patch(chatId: string, change: Partial<ChatSummary>): void {
    const chat = this.byId.get(chatId);
    if (!chat) return;
    this.byId.set(chatId, { ...chat, ...change });
    this.publish();
  }

  private publish(): void {
    this.update({ chats: [...this.byId.values()].sort(newestFirst) });
  }
}
