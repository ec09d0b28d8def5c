import { useRef, useState, type FormEvent } from 'react';

/** The message box: Enter sends; typing is reported at most every few seconds, and stopped on send. */
export function Composer({
  onSend,
  onTyping,
}: {
  onSend(text: string): void;
  onTyping(typing: boolean): void;
}) {
  const [text, setText] = useState('');
  const lastTyping = useRef(0);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = text.trim();
    if (!trimmed) return;
    onSend(trimmed);
    setText('');
    lastTyping.current = 0;
    onTyping(false);
  };

  return (
    <form className="composer" onSubmit={submit}>
      <label className="visually-hidden" htmlFor="composer-input">
        Message
      </label>
      <input
        id="composer-input"
        value={text}
        placeholder="Write a message"
        autoComplete="off"
        maxLength={4000}
        onChange={(e) => {
          setText(e.target.value);
          if (Date.now() - lastTyping.current > 3000) {
            lastTyping.current = Date.now();
            onTyping(true);
          }
        }}
      />
      <button type="submit">Send</button>
    </form>
  );
}
