/** The demo users `npm start` seeds: signed up in the Auth emulator, with profiles in Firestore. */
import type { Auth } from 'firebase-admin/auth';
import type { Firestore } from 'firebase-admin/firestore';
import { AppError, createServices } from '@chat/core';
import { DEMO_PASSWORD } from './auth-emulator';

export const DEMO_USERS = [
  { uid: 'alice', email: 'alice@example.com', displayName: 'Alice Liddell', bio: 'Curiouser and curiouser.', admin: false },
  { uid: 'bob', email: 'bob@example.com', displayName: 'Bob Builder', bio: 'Can we fix it?', admin: false },
  { uid: 'carol', email: 'carol@example.com', displayName: 'Carol Admin', bio: 'Keeps the lights on.', admin: true },
] as const;

/** Idempotent: running it against an already seeded stack changes nothing. */
export async function seedDemoData(auth: Auth, db: Firestore): Promise<void> {
  const services = createServices(db, auth);
  for (const user of DEMO_USERS) {
    try {
      await auth.createUser({ uid: user.uid, email: user.email, password: DEMO_PASSWORD, displayName: user.displayName });
    } catch (error) {
      if ((error as { code?: string }).code !== 'auth/uid-already-exists') throw error;
    }
    await auth.setCustomUserClaims(user.uid, user.admin ? { admin: true } : null);
    try {
      await services.users.createProfile(
        { uid: user.uid, email: user.email, admin: user.admin },
        { displayName: user.displayName, bio: user.bio },
      );
    } catch (error) {
      if (!(error instanceof AppError && error.code === 'already-exists')) throw error;
    }
  }
}
