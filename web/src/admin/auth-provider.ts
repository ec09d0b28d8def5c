/**
 * react-admin's auth provider on the web app's own Firebase Auth session: the panel signs in with the same
 * Web SDK (same origin, same persisted session), so a user signed in to the chat app is signed in here.
 * Sign-in itself happens before react-admin mounts (admin-root.tsx), which also checks the admin role.
 */
import { signOut, type Auth } from 'firebase/auth';
import type { AuthProvider } from 'react-admin';

export function createAuthProvider(auth: Auth): AuthProvider {
  return {
    login: async () => undefined,
    logout: async () => {
      await signOut(auth);
    },
    checkAuth: async () => {
      if (!auth.currentUser) throw new Error('Signed out.');
    },
    // 401: the session is over (revoked, expired, disabled); 403 on one action is shown, not a sign-out.
    checkError: async (error: { status?: number }) => {
      if (error?.status === 401) throw error;
    },
    getIdentity: async () => {
      const user = auth.currentUser;
      if (!user) throw new Error('Signed out.');
      return { id: user.uid, fullName: user.displayName ?? user.email ?? user.uid };
    },
  };
}
