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
  /** Why the last session ended for good (the account was disabled, its sessions revoked). */
  const [ended, setEnded] = useState<string | null>(null);

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

  // The relay ended the session for good: sign out, and say why on the sign-in page.
  useEffect(() => {
    if (!session) return undefined;
    return session.subscribe(() => {
      const goodbye = session.getSnapshot().ended;
      if (!goodbye) return;
      setEnded(goodbye.message);
      void signOut(auth);
    });
  }, [session, auth]);

  if (user === undefined)
    return (
      <p className="loading" role="status">
        Loading…
      </p>
    );
  if (!user) return <SignInView auth={auth} notice={ended} />;
  if (!session)
    return (
      <p className="loading" role="status">
        Connecting…
      </p>
    );
  return <ChatView session={session} onSignOut={() => void signOut(auth)} />;
}
