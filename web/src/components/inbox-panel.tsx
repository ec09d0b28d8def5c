import { chatIdOf } from '../lib/chat-list-store';
import type { InboxStore } from '../lib/inbox-store';
import { useStore } from '../hooks/use-store';

interface Props {
  store: InboxStore;
  onClose(): void;
  onOpenChat(chatId: string): void;
}

/** The notification inbox, newest first, live; one or all can be marked read. */
export function InboxPanel({ store, onClose, onOpenChat }: Props) {
  const { notifications, error } = useStore(store);
  return (
    <aside className="inbox" aria-label="Notifications">
      <div className="inbox-head">
        <h2>Notifications</h2>
        <button type="button" onClick={() => void store.markAllRead().catch(() => undefined)}>
          Mark all read
        </button>
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {notifications.length === 0 && <p className="empty">Nothing here yet.</p>}
      <ul>
        {notifications.map((n) => {
          const chatId = chatIdOf(n.subject);
          return (
            <li key={n.id} className={n.readAt ? 'read' : 'unread'} data-notification-id={n.id}>
              <strong>{n.title}</strong>
              <span>{n.body}</span>
              {chatId && (
                <button type="button" onClick={() => onOpenChat(chatId)}>
                  Open chat
                </button>
              )}
              {!n.readAt && (
                <button type="button" onClick={() => void store.markRead(n.id).catch(() => undefined)}>
                  Mark read
                </button>
              )}
            </li>
          );
        })}
      </ul>
    </aside>
  );
}
