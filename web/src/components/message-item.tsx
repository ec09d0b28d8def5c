import { useState } from 'react';
import type { Message } from '@chat/client';
import { describeError } from '../lib/api';
import type { ConversationStore } from '../lib/conversation-store';

/** A system message in words: what changed and who did it. */
function describeEvent(message: Message, nameOf: (uid: string) => string): string {
  const who = nameOf(message.senderId);
  const event = message.system;
  switch (event?.event) {
    case 'member-added':
      return `${who} added ${nameOf(event.uid)}`;
    case 'member-removed':
      return `${who} removed ${nameOf(event.uid)}`;
    case 'member-left':
      return `${nameOf(event.uid)} left`;
    case 'renamed':
      return `${who} renamed the chat to “${event.title}”`;
    case 'chat-deleted':
      return `${who} deleted the chat`;
    default:
      return 'The chat changed';
  }
}

interface Props {
  message: Message;
  me: string;
  nameOf(uid: string): string;
  store: ConversationStore;
}

/** One message: text with sender and time, or a system event; your own can be edited and deleted. */
export function MessageItem({ message, me, nameOf, store }: Props) {
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(message.text);
  const [error, setError] = useState<string | null>(null);
  if (message.type === 'system') {
    return (
      <li className="message system" data-message-id={message.id}>
        {describeEvent(message, nameOf)}
      </li>
    );
  }
  const mine = message.senderId === me;
  const time = new Date(message.createdAt).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
  const act = (action: Promise<void>) =>
    action.then(
      () => setEditing(false),
      (caught: unknown) => setError(describeError(caught)),
    );
  return (
    <li className={`message ${mine ? 'mine' : ''}`} data-message-id={message.id} data-status="sent">
      <span className="sender">{mine ? 'You' : nameOf(message.senderId)}</span>
      {message.deletedAt ? (
        <span className="text deleted">Message deleted</span>
      ) : editing ? (
        <form
          className="edit"
          onSubmit={(e) => {
            e.preventDefault();
            void act(store.edit(message.id, draft));
          }}
        >
          <label className="visually-hidden" htmlFor={`edit-${message.id}`}>
            Edit message
          </label>
          <input id={`edit-${message.id}`} value={draft} onChange={(e) => setDraft(e.target.value)} />
          <button type="submit">Save</button>
          <button type="button" onClick={() => setEditing(false)}>
            Cancel
          </button>
        </form>
      ) : (
        <span className="text">{message.text}</span>
      )}
      <span className="meta">
        <time dateTime={message.createdAt}>{time}</time>
        {message.editedAt && !message.deletedAt && ' · edited'}
      </span>
      {mine && !message.deletedAt && !editing && (
        <span className="actions">
          <button type="button" onClick={() => setEditing(true)} aria-label="Edit message">
            Edit
          </button>
          <button
            type="button"
            onClick={() => void act(store.remove(message.id))}
            aria-label="Delete message"
          >
            Delete
          </button>
        </span>
      )}
      {error && (
        <span className="error" role="alert">
          {error}
        </span>
      )}
    </li>
  );
}
