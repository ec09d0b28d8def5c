/**
 * The app's top: waits for Firebase Auth, shows the sign-in view or, once signed in with a profile, the
 * chat view with one Session (relay connections) for the user.
 */
import { useEffect, useState } from 'react';
import { onAuthStateChanged, signOut, type Auth, type User } from 'firebase/auth';
import type { WebConfig } from './config';
import { createRestApi } from './lib/rest-api';
import { Session } from './lib/session';
import { SignInView, takeSignUpName } from './views/sign-in-view';
import { ChatView } from './views/chat-view';

interface Props {
  config: WebConfig;
  auth: Auth;
}

export function App({ config, auth }: Props) {
  const [user, setUser] = useState<User | null | undefined>(undefined);
  const [session, setSession] = useState<Session | null>(null);

  useEffect(() => onAuthStateChanged(auth, setUser), [auth]);

  useEffect(() => {
    if (!user) return undefined;
    let current: Session | null = null;
    let cancelled = false;
    const api = createRestApi(config.apiUrl, () => user.getIdToken());
    // Sign-up (POST /users) happens here, once Firebase Auth has the new user: with the name the sign-up
    // form left, or, for an account whose sign-up was interrupted, the email's local part.
    api
      .getMe()
      .catch(() => api.createProfile(takeSignUpName() ?? user.email?.split('@')[0] ?? 'New user'))
      .then(
        () => {
          if (cancelled) return;
          current = new Session({ relayUrl: config.relayUrl, user, api });
          setSession(current);
        },
        () => undefined,
      );
    return () => {
      cancelled = true;
      current?.close();
      setSession(null);
    };
  }, [user, config]);

  if (user === undefined)
    return (
      <p className="loading" role="status">
        Loading…
      </p>
    );
  if (!user) return <SignInView auth={auth} />;
  if (!session)
    return (
      <p className="loading" role="status">
        Connecting…
      </p>
    );
  return <ChatView session={session} onSignOut={() => void signOut(auth)} />;
}
