import { useState, type FormEvent } from 'react';
import { createUserWithEmailAndPassword, signInWithEmailAndPassword, type Auth } from 'firebase/auth';
import { describeAuthError } from '../lib/firebase-auth';

const SIGN_UP_NAME = 'chat.sign-up-name';

/** The display name a sign-up asked for, once (the profile is created after Firebase Auth signs in). */
export function takeSignUpName(): string | null {
  const name = sessionStorage.getItem(SIGN_UP_NAME);
  sessionStorage.removeItem(SIGN_UP_NAME);
  return name;
}

/** Email and password sign-in, and sign-up with a display name. */
/** `notice`: why the last session ended (an account disabled, sessions revoked), shown above the form. */
export function SignInView({ auth, notice = null }: { auth: Auth; notice?: string | null }) {
  const [mode, setMode] = useState<'sign-in' | 'sign-up'>('sign-in');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      if (mode === 'sign-up') {
        sessionStorage.setItem(SIGN_UP_NAME, displayName.trim());
        await createUserWithEmailAndPassword(auth, email, password);
      } else {
        await signInWithEmailAndPassword(auth, email, password);
      }
    } catch (caught) {
      setError(describeAuthError(caught));
      setBusy(false);
    }
  };

  return (
    <main className="sign-in">
      <h1>Chat</h1>
      {notice && (
        <p className="notice" role="alert" data-testid="session-ended">
          {notice}
        </p>
      )}
      <form onSubmit={(e) => void submit(e)} aria-labelledby="sign-in-title">
        <h2 id="sign-in-title">{mode === 'sign-in' ? 'Sign in' : 'Create an account'}</h2>
        {mode === 'sign-up' && (
          <label>
            Display name
            <input
              value={displayName}
              onChange={(e) => setDisplayName(e.target.value)}
              required
              maxLength={80}
            />
          </label>
        )}
        <label>
          Email
          <input
            type="email"
            autoComplete="email"
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            required
          />
        </label>
        <label>
          Password
          <input
            type="password"
            autoComplete={mode === 'sign-in' ? 'current-password' : 'new-password'}
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            required
            minLength={6}
          />
        </label>
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" disabled={busy}>
          {mode === 'sign-in' ? 'Sign in' : 'Sign up'}
        </button>
        <button
          type="button"
          className="link"
          onClick={() => setMode(mode === 'sign-in' ? 'sign-up' : 'sign-in')}
        >
          {mode === 'sign-in' ? 'No account? Sign up' : 'Have an account? Sign in'}
        </button>
      </form>
    </main>
  );
}
