/**
 * One open chat: its history (the latest page, then older pages with `before`), live new, edited and
 * deleted messages, who is typing, and the outbox.
 *
 * Sends are optimistic: each gets a `clientMessageId` and shows as pending at once. The outbox sends one at
 * a time, in order, over the relay; a send that fails for want of a connection waits for the next connect
 * and is sent again with the same key, which the API turns into the original message, so nothing is sent
 * twice. A send the API refuses stays as failed, with its reason, for the user to retry or discard.
 */
import type { Message, RealtimeMessage } from '@chat/client';
import { RelayError } from '@chat/client';
import { describeError } from './api';
import { compareMessages, newClientMessageId } from './order';
import type { Session } from './session';
import { Store } from './store';

export interface OutgoingMessage {
  clientMessageId: string;
  text: string;
  /** The message this one answers, if any. */
  replyToId: string | null;
  status: 'pending' | 'failed';
  error: string | null;
}

interface ConversationState {
  messages: Message[];
  outbox: OutgoingMessage[];
  loading: boolean;
  loadingOlder: boolean;
  /** `before` cursor of the next older page; null once the start of the chat is shown. */
  olderCursor: string | null;
  typing: string[];
  error: string | null;
}

/** A typing indicator stops showing this long after the last `typing: true`. */
const TYPING_TTL_MS = 6000;

export class ConversationStore extends Store<ConversationState> {
  private readonly byId = new Map<string, Message>();
  private readonly typingTimers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly cleanups: Array<() => void> = [];
  private flushing = false;
  private closed = false;

  constructor(
    private readonly session: Session,
    readonly chatId: string,
  ) {
    super({
      messages: [],
      outbox: [],
      loading: true,
      loadingOlder: false,
      olderCursor: null,
      typing: [],
      error: null,
    });
  }

  /** Follow the chat and load its latest page; the returned function stops following. */
  start(): () => void {
    this.closed = false;
    const { relay } = this.session;
    this.cleanups.push(relay.onMessage((message) => this.upsert(message)));
    const onChange = (message: RealtimeMessage) => this.upsert(message);
    const onTyping = (event: { chatId: string; uid: string; typing: boolean }) => this.onTyping(event);
    const onConnect = () => void this.flush();
    relay.socket.on('message:updated', onChange);
    relay.socket.on('message:deleted', onChange);
    relay.socket.on('typing', onTyping);
    relay.socket.on('connect', onConnect);
    this.cleanups.push(() => {
      relay.socket.off('message:updated', onChange);
      relay.socket.off('message:deleted', onChange);
      relay.socket.off('typing', onTyping);
      relay.socket.off('connect', onConnect);
    });
    void this.load();
    return () => {
      this.closed = true;
      this.cleanups.splice(0).forEach((cleanup) => cleanup());
      this.typingTimers.forEach((timer) => clearTimeout(timer));
    };
  }

  private async load(): Promise<void> {
    try {
      const page = await this.session.api.listMessages(this.chatId);
      page.messages.forEach((message) => this.byId.set(message.id, message));
      this.update({ loading: false, olderCursor: page.olderCursor });
      this.publish();
    } catch (error) {
      this.update({ loading: false, error: describeError(error) });
    }
  }

  /** The page just before the oldest message shown. */
  async loadOlder(): Promise<void> {
    const { olderCursor, loadingOlder } = this.getSnapshot();
    if (!olderCursor || loadingOlder) return;
    this.update({ loadingOlder: true });
    try {
      const page = await this.session.api.listMessages(this.chatId, olderCursor);
      page.messages.forEach((message) => this.byId.set(message.id, message));
      this.update({ loadingOlder: false, olderCursor: page.olderCursor });
      this.publish();
    } catch (error) {
      this.update({ loadingOlder: false, error: describeError(error) });
    }
  }

  /** Send `text`, as a reply to `replyToId` when given. */
  send(text: string, replyToId: string | null = null): void {
    const entry: OutgoingMessage = {
      clientMessageId: newClientMessageId(),
      text,
      replyToId,
      status: 'pending',
      error: null,
    };
    this.update({ outbox: [...this.getSnapshot().outbox, entry] });
    void this.flush();
  }

  retry(clientMessageId: string): void {
    this.setOutbox(clientMessageId, { status: 'pending', error: null });
    void this.flush();
  }

  discard(clientMessageId: string): void {
    this.update({ outbox: this.getSnapshot().outbox.filter((m) => m.clientMessageId !== clientMessageId) });
  }

  typing(typing: boolean): void {
    if (this.session.online) this.session.relay.typing(this.chatId, typing);
  }

  async edit(messageId: string, text: string): Promise<void> {
    this.upsert(await this.session.api.editMessage(this.chatId, messageId, text));
  }

  async remove(messageId: string): Promise<void> {
    await this.session.api.deleteMessage(this.chatId, messageId);
  }

  /** Mark the newest message read (the badge clears on every tab through the API's unread counts). */
  markRead(): void {
    const last = this.getSnapshot().messages.at(-1);
    if (last && this.session.online) void this.session.relay.markRead(this.chatId, last.id).catch(() => undefined);
  }

  /** Send the outbox in order, one at a time; stops at the first send that must wait. */
  private async flush(): Promise<void> {
    if (this.flushing) return;
    this.flushing = true;
    try {
      for (;;) {
        const next = this.getSnapshot().outbox.find((m) => m.status === 'pending');
        if (!next || this.closed || !this.session.relay.socket.connected) return;
        try {
          const message = await this.session.relay.send(
            this.chatId,
            next.text,
            next.clientMessageId,
            next.replyToId ?? undefined,
          );
          this.upsert(message);
        } catch (error) {
          // The relay answered no: show why. No answer (a timeout, a lost connection): send it again, now if
          // connected or else on the next connect; the same key makes a send that did land return the original.
          if (error instanceof RelayError) this.setOutbox(next.clientMessageId, { status: 'failed', error: error.message });
          else if (!this.session.relay.socket.connected) return;
        }
      }
    } finally {
      this.flushing = false;
    }
  }

  private upsert(message: Message): void {
    if (message.chatId !== this.chatId) return;
    this.byId.set(message.id, message);
    const outbox = this.getSnapshot().outbox;
    if (message.clientMessageId && outbox.some((m) => m.clientMessageId === message.clientMessageId)) {
      this.update({ outbox: outbox.filter((m) => m.clientMessageId !== message.clientMessageId) });
    }
    if (message.type === 'text' && message.senderId !== this.session.uid) this.clearTyping(message.senderId);
    this.publish();
  }

  private onTyping({ chatId, uid, typing }: { chatId: string; uid: string; typing: boolean }): void {
    if (chatId !== this.chatId || uid === this.session.uid) return;
    this.clearTyping(uid);
    if (!typing) return;
    this.typingTimers.set(
      uid,
      setTimeout(() => this.clearTyping(uid), TYPING_TTL_MS),
    );
    this.update({ typing: [...this.getSnapshot().typing, uid] });
  }

  private clearTyping(uid: string): void {
    clearTimeout(this.typingTimers.get(uid));
    this.typingTimers.delete(uid);
    const typing = this.getSnapshot().typing;
    if (typing.includes(uid)) this.update({ typing: typing.filter((id) => id !== uid) });
  }

  private setOutbox(clientMessageId: string, change: Partial<OutgoingMessage>): void {
    this.update({
      outbox: this.getSnapshot().outbox.map((m) => (m.clientMessageId === clientMessageId ? { ...m, ...change } : m)),
    });
  }

  private publish(): void {
    this.update({ messages: [...this.byId.values()].sort(compareMessages) });
  }
}
