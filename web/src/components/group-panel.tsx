import { useState, type FormEvent } from 'react';
import { describeError } from '../lib/api';
import type { ChatSummary } from '../lib/chat-list-store';
import type { Session } from '../lib/session';

interface Props {
  session: Session;
  chat: ChatSummary;
  nameOf(uid: string): string;
  onLeft(): void;
}

/** A group's settings: rename, add and remove members, leave. The member list follows `chat:updated`. */
export function GroupPanel({ session, chat, nameOf, onLeft }: Props) {
  const [title, setTitle] = useState(chat.title ?? '');
  const [toAdd, setToAdd] = useState('');
  const [error, setError] = useState<string | null>(null);
  const run = (action: Promise<unknown>) => {
    setError(null);
    return action.catch((caught: unknown) => {
      setError(describeError(caught));
      throw caught;
    });
  };
  const rename = (event: FormEvent) => {
    event.preventDefault();
    void run(session.api.renameChat(chat.id, title)).catch(() => undefined);
  };
  const add = (event: FormEvent) => {
    event.preventDefault();
    const uid = toAdd.trim();
    if (uid)
      void run(session.api.addMember(chat.id, uid)).then(
        () => setToAdd(''),
        () => undefined,
      );
  };
  return (
    <section className="group-panel" aria-label="Group settings">
      <form onSubmit={rename}>
        <label>
          Group name
          <input value={title} onChange={(e) => setTitle(e.target.value)} required maxLength={120} />
        </label>
        <button type="submit">Rename</button>
      </form>
      <h3>Members</h3>
      <ul className="members">
        {chat.memberIds.map((uid) => (
          <li key={uid}>
            {nameOf(uid)}
            {uid !== session.uid && (
              <button
                type="button"
                onClick={() => void run(session.api.removeMember(chat.id, uid)).catch(() => undefined)}
                aria-label={`Remove ${nameOf(uid)}`}
              >
                Remove
              </button>
            )}
          </li>
        ))}
      </ul>
      <form onSubmit={add}>
        <label>
          Add a member (user ID)
          <input value={toAdd} onChange={(e) => setToAdd(e.target.value)} placeholder="User ID" />
        </label>
        <button type="submit" disabled={!toAdd.trim()}>
          Add
        </button>
      </form>
      <button
        type="button"
        className="danger"
        onClick={() => void run(session.api.leave(chat.id)).then(onLeft, () => undefined)}
      >
        Leave group
      </button>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
