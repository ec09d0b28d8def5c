/** One open chat: header with who is online and the group's actions, the messages, typing, the composer. */
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { Message } from '@chat/client';
import { ConversationStore } from '../lib/conversation-store';
import type { ChatListStore } from '../lib/chat-list-store';
import type { Session } from '../lib/session';
import { useStore } from '../hooks/use-store';
import { chatName } from '../components/chat-list';
import { MessageItem, ReplyQuote } from '../components/message-item';
import { Composer } from '../components/composer';
import { GroupPanel } from '../components/group-panel';

interface Props {
  session: Session;
  chatId: string;
  chatList: ChatListStore;
  directory: { nameOf(uid: string): string };
  onClose(): void;
}

export function ConversationView({ session, chatId, chatList, directory, onClose }: Props) {
  const store = useMemo(() => new ConversationStore(session, chatId), [session, chatId]);
  const state = useStore(store);
  const list = useStore(chatList);
  const chat = list.chats.find((c) => c.id === chatId);
  const [showGroup, setShowGroup] = useState(false);
  const [replyTo, setReplyTo] = useState<Message | null>(null);
  const byId = useMemo(() => new Map(state.messages.map((m) => [m.id, m])), [state.messages]);
  const scroller = useRef<HTMLDivElement>(null);
  const stickToBottom = useRef(true);
  const heightBeforeOlder = useRef<number | null>(null);

  useEffect(() => store.start(), [store]);

  const newest = state.messages.at(-1);
  useEffect(() => {
    if (!newest || document.visibilityState !== 'visible') return;
    store.markRead();
    chatList.markRead(chatId, newest);
  }, [store, chatList, chatId, newest]);

  // Keep the view at the bottom for new messages, and in place when older ones are put above.
  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    if (heightBeforeOlder.current !== null) {
      el.scrollTop += el.scrollHeight - heightBeforeOlder.current;
      heightBeforeOlder.current = null;
    } else if (stickToBottom.current) {
      el.scrollTop = el.scrollHeight;
    }
  }, [state.messages, state.outbox]);

  const loadOlder = () => {
    if (!state.olderCursor || state.loadingOlder) return;
    heightBeforeOlder.current = scroller.current?.scrollHeight ?? null;
    void store.loadOlder();
  };

  const onScroll = () => {
    const el = scroller.current;
    if (!el) return;
    stickToBottom.current = el.scrollHeight - el.scrollTop - el.clientHeight < 40;
    if (el.scrollTop < 80) loadOlder();
  };

  if (!chat && !list.loading) {
    return (
      <section className="conversation" aria-label="Conversation">
        <p className="empty" role="status">
          This chat is not in your list: you may have been removed from it.
        </p>
        <button type="button" onClick={onClose}>
          Back to chats
        </button>
      </section>
    );
  }
  const name = chat ? chatName(chat, session.uid, directory.nameOf) : '…';
  const others = chat?.online.filter((uid) => uid !== session.uid) ?? [];
  const typing = state.typing.map(directory.nameOf);

  return (
    <section className="conversation" aria-label={`Conversation: ${name}`}>
      <header className="conversation-head">
        <button type="button" className="back" onClick={onClose} aria-label="Back to chats">
          ←
        </button>
        <h2>{name}</h2>
        <span className="online" data-testid="online">
          {others.length > 0 ? `Online: ${others.map(directory.nameOf).join(', ')}` : 'Nobody else online'}
        </span>
        {chat?.type === 'group' && (
          <button type="button" onClick={() => setShowGroup(!showGroup)} aria-expanded={showGroup}>
            Group
          </button>
        )}
      </header>
      {showGroup && chat && (
        <GroupPanel
          session={session}
          chat={chat}
          nameOf={directory.nameOf}
          onLeft={() => {
            chatList.drop(chat.id);
            onClose();
          }}
        />
      )}
      <div className="messages" ref={scroller} onScroll={onScroll} tabIndex={0} aria-label="Messages">
        {state.olderCursor && (
          <button type="button" className="older" onClick={loadOlder} disabled={state.loadingOlder}>
            {state.loadingOlder ? 'Loading…' : 'Load older messages'}
          </button>
        )}
        {state.loading && <p role="status">Loading messages…</p>}
        {state.error && (
          <p className="error" role="alert">
            {state.error}
          </p>
        )}
        {!state.loading && state.messages.length === 0 && state.outbox.length === 0 && (
          <p className="empty">No messages yet. Say hello.</p>
        )}
        <ol>
          {state.messages.map((message) => (
            <MessageItem
              key={message.id}
              message={message}
              original={message.replyToId ? byId.get(message.replyToId) : undefined}
              me={session.uid}
              nameOf={directory.nameOf}
              store={store}
              onReply={(m) => {
                setReplyTo(m);
                document.getElementById('composer-input')?.focus();
              }}
            />
          ))}
          {state.outbox.map((m) => (
            <li key={m.clientMessageId} className="message mine outgoing" data-status={m.status}>
              {m.replyToId && (
                <ReplyQuote original={byId.get(m.replyToId)} me={session.uid} nameOf={directory.nameOf} />
              )}
              <span className="text">{m.text}</span>
              {m.status === 'pending' ? (
                <span className="meta">{session.online ? 'Sending…' : 'Waiting for connection'}</span>
              ) : (
                <span className="meta error">
                  Not sent: {m.error}{' '}
                  <button type="button" onClick={() => store.retry(m.clientMessageId)}>
                    Retry
                  </button>
                  <button type="button" onClick={() => store.discard(m.clientMessageId)}>
                    Discard
                  </button>
                </span>
              )}
            </li>
          ))}
        </ol>
      </div>
      <p className="typing" aria-live="polite" data-testid="typing">
        {typing.length > 0 ? `${typing.join(', ')} ${typing.length === 1 ? 'is' : 'are'} typing…` : ''}
      </p>
      {replyTo && (
        <div className="replying" data-testid="replying">
          <span>Replying to</span>
          <ReplyQuote original={replyTo} me={session.uid} nameOf={directory.nameOf} />
          <button type="button" onClick={() => setReplyTo(null)} aria-label="Cancel reply">
            ×
          </button>
        </div>
      )}
      <Composer
        onSend={(text) => {
          stickToBottom.current = true;
          store.send(text, replyTo?.id ?? null);
          setReplyTo(null);
        }}
        onTyping={(typing) => store.typing(typing)}
      />
    </section>
  );
}
