import { useState, type ReactNode } from 'react';
import { Button, Confirm, useNotify, useRefresh } from 'react-admin';
import { describeError } from '../lib/api';

interface Props {
  label: string;
  /** The dialog's title and body: what will happen, in words. */
  title: string;
  content: ReactNode;
  /** The action; the view refreshes after it, and its error is shown. */
  run(): Promise<void>;
  done: string;
  color?: 'primary' | 'error' | 'warning' | 'inherit';
}

/** A button that asks before it acts: every destructive or account-changing action goes through it. */
export function ConfirmButton({ label, title, content, run, done, color = 'primary' }: Props) {
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const notify = useNotify();
  const refresh = useRefresh();
  const confirm = async () => {
    setBusy(true);
    try {
      await run();
      notify(done, { type: 'success' });
      refresh();
    } catch (error) {
      notify(describeError(error), { type: 'error' });
    } finally {
      setBusy(false);
      setOpen(false);
    }
  };
  return (
    <>
      <Button label={label} color={color} onClick={() => setOpen(true)} disabled={busy} />
      <Confirm
        isOpen={open}
        loading={busy}
        title={title}
        content={content}
        confirm="Confirm"
        onConfirm={() => void confirm()}
        onClose={() => setOpen(false)}
      />
    </>
  );
}
