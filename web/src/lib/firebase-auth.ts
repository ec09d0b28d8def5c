/** Firebase Auth for the app: the Web SDK, pointed at the Auth emulator when the config names one. */
import { initializeApp } from 'firebase/app';
import { connectAuthEmulator, getAuth, type Auth } from 'firebase/auth';
import type { WebConfig } from '../config';

export function initAuth(config: WebConfig): Auth {
  const app = initializeApp(config.firebase);
  const auth = getAuth(app);
  if (config.authEmulatorUrl) connectAuthEmulator(auth, config.authEmulatorUrl, { disableWarnings: true });
  return auth;
}

/** Firebase Auth's error codes in words. */
export function describeAuthError(error: unknown): string {
  const code = (error as { code?: string }).code ?? '';
  const words: Record<string, string> = {
    'auth/invalid-credential': 'Wrong email or password.',
    'auth/invalid-email': 'That email address is not valid.',
    'auth/user-not-found': 'Wrong email or password.',
    'auth/wrong-password': 'Wrong email or password.',
    'auth/email-already-in-use': 'An account with that email already exists. Sign in instead.',
    'auth/weak-password': 'The password must have at least 6 characters.',
    'auth/network-request-failed': 'No connection to the sign-in service. Check your network.',
    'auth/too-many-requests': 'Too many attempts. Wait a moment and try again.',
  };
  return words[code] ?? (error instanceof Error ? error.message : 'Sign-in failed.');
}
