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

/** The quote a reply shows of the message it answers: its sender and text, as they are now. */
export function ReplyQuote({
  original,
  me,
  nameOf,
}: {
  original: Message | undefined;
  me: string;
  nameOf(uid: string): string;
}) {
  if (!original) return <blockquote className="reply-quote">Reply to an earlier message</blockquote>;
  const who = original.senderId === me ? 'You' : nameOf(original.senderId);
  return (
    <blockquote className="reply-quote" data-testid="reply-quote">
      <span className="quote-sender">{who}</span>{' '}
      <span className="quote-text">{original.deletedAt ? 'Message deleted' : original.text}</span>
    </blockquote>
  );
}

interface Props {
  message: Message;
  /** The message this one answers, when it is loaded. */
  original: Message | undefined;
  me: string;
  nameOf(uid: string): string;
  store: ConversationStore;
  onReply(message: Message): void;
}

/** One message: text with sender and time, or a system event; your own can be edited and deleted. */
export function MessageItem({ message, original, me, nameOf, store, onReply }: Props) {
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
      {message.replyToId && <ReplyQuote original={original} me={me} nameOf={nameOf} />}
      {message.deletedAt ? (
        <span className="text deleted" data-moderated={message.moderated ? 'true' : undefined}>
          {message.moderated ? 'Removed by moderation' : 'Message deleted'}
        </span>
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
      {!message.deletedAt && !editing && (
        <span className="actions">
          <button type="button" onClick={() => onReply(message)} aria-label="Reply to message">
            Reply
          </button>
        </span>
      )}
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
