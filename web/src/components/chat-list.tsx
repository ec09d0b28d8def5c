import type { ChatListStore, ChatSummary } from '../lib/chat-list-store';
import { useStore } from '../hooks/use-store';

interface Props {
  store: ChatListStore;
  activeId: string | null;
  me: string;
  nameOf(uid: string): string;
  onOpen(chatId: string): void;
  onNew(): void;
}

/** A chat's name: the group title, or the other member of a direct chat. */
export function chatName(
  chat: Pick<ChatSummary, 'type' | 'title' | 'memberIds'>,
  me: string,
  nameOf: (uid: string) => string,
) {
  if (chat.type === 'group') return chat.title ?? 'Group';
  const other = chat.memberIds.find((id) => id !== me);
  return other ? nameOf(other) : 'Just you';
}

/** Newest activity first, with the last message and the unread count. */
export function ChatList({ store, activeId, me, nameOf, onOpen, onNew }: Props) {
  const { chats, loading, error } = useStore(store);
  return (
    <nav className="chat-list" aria-label="Chats">
      <div className="chat-list-head">
        <h2>Chats</h2>
        <button type="button" onClick={onNew}>
          New chat
        </button>
      </div>
      {loading && <p role="status">Loading chats…</p>}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {!loading && !error && chats.length === 0 && (
        <p className="empty">No chats yet. Start one with “New chat”.</p>
      )}
      <ul>
        {chats.map((chat) => {
          const name = chatName(chat, me, nameOf);
          return (
            <li key={chat.id} data-chat-id={chat.id}>
              <a
                href={`/chats/${encodeURIComponent(chat.id)}`}
                aria-current={chat.id === activeId ? 'page' : undefined}
                onClick={(event) => {
                  event.preventDefault();
                  onOpen(chat.id);
                }}
              >
                <span className="chat-name">{name}</span>
                {chat.unread > 0 && (
                  <span className="badge" data-testid="unread" aria-label={`${chat.unread} unread`}>
                    {chat.unread}
                  </span>
                )}
                <span className="last-message">
                  {chat.lastMessage
                    ? `${chat.lastMessage.senderId === me ? 'You' : nameOf(chat.lastMessage.senderId)}: ${chat.lastMessage.text || '(deleted)'}`
                    : 'No messages yet'}
                </span>
              </a>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
