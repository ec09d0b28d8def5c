import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { Chat } from '@chat/client';
import { describeError } from '../lib/api';
import type { Session } from '../lib/session';

interface Props {
  session: Session;
  onClose(): void;
  onCreated(chat: Chat): void;
}

const uidsIn = (text: string) =>
  text
    .split(/[\s,]+/)
    .map((uid) => uid.trim())
    .filter(Boolean);

/** Open a direct chat with someone by user ID, or create a group with a title and members. */
export function NewChatDialog({ session, onClose, onCreated }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [other, setOther] = useState('');
  const [title, setTitle] = useState('');
  const [members, setMembers] = useState('');
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    dialog.current?.showModal();
  }, []);

  const create = (event: FormEvent, action: () => Promise<Chat>) => {
    event.preventDefault();
    setError(null);
    action().then(onCreated, (caught: unknown) => setError(describeError(caught)));
  };

  return (
    <dialog ref={dialog} className="new-chat" aria-labelledby="new-chat-title" onClose={onClose}>
      <h2 id="new-chat-title">New chat</h2>
      <form onSubmit={(e) => create(e, () => session.api.openDirect(other.trim()))}>
        <label>
          Direct message to (user ID)
          <input value={other} onChange={(e) => setOther(e.target.value)} required placeholder="bob" />
        </label>
        <button type="submit">Open direct chat</button>
      </form>
      <form onSubmit={(e) => create(e, () => session.api.createGroup(title, uidsIn(members)))}>
        <label>
          Group name
          <input value={title} onChange={(e) => setTitle(e.target.value)} required maxLength={120} />
        </label>
        <label>
          Members (user IDs, comma separated)
          <input value={members} onChange={(e) => setMembers(e.target.value)} placeholder="bob, carol" />
        </label>
        <button type="submit">Create group</button>
      </form>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <button type="button" onClick={() => dialog.current?.close()}>
        Cancel
      </button>
    </dialog>
  );
}
