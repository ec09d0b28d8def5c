/**
 * Real ID tokens from the Firebase Auth emulator, for the seed script, `npm run token` and the tests.
 * Users are created with the Admin SDK; tokens come from the emulator's own sign-in endpoint, exactly as a
 * web app would get them.
 */
import type { Auth } from 'firebase-admin/auth';

export const DEMO_PASSWORD = 'demo-password';

function authEmulatorHost(): string {
  const host = process.env.FIREBASE_AUTH_EMULATOR_HOST;
  if (!host) throw new Error('FIREBASE_AUTH_EMULATOR_HOST is not set: start the local stack first (npm start).');
  return host;
}

/** Sign in with email and password against the Auth emulator; returns the ID token. */
export async function signIn(email: string, password: string): Promise<string> {
  const url = `http://${authEmulatorHost()}/identitytoolkit.googleapis.com/v1/accounts:signInWithPassword?key=demo-api-key`;
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password, returnSecureToken: true }),
  });
  const body = (await response.json()) as { idToken?: string; error?: { message?: string } };
  if (!response.ok || !body.idToken) {
    throw new Error(`Sign-in of ${email} failed: ${body.error?.message ?? response.status}`);
  }
  return body.idToken;
}

export interface TestUser {
  uid: string;
  email: string;
  idToken: string;
}

/** Create a user (with optional custom claims) in the Auth emulator and sign them in. */
export async function createUser(
  auth: Auth,
  user: { uid: string; email?: string; displayName?: string; claims?: Record<string, unknown> },
): Promise<TestUser> {
  const email = user.email ?? `${user.uid.toLowerCase()}@example.com`;
  await auth.createUser({ uid: user.uid, email, password: DEMO_PASSWORD, displayName: user.displayName ?? user.uid });
  if (user.claims) await auth.setCustomUserClaims(user.uid, user.claims);
  return { uid: user.uid, email, idToken: await signIn(email, DEMO_PASSWORD) };
}

/**
 * An unsigned token of the shape the Auth emulator issues (the Admin SDK accepts `alg: none` only when it
 * talks to the emulator), with claims of our choosing — used to present an expired token.
 */
export function unsignedToken(projectId: string, uid: string, claims: Record<string, unknown> = {}): string {
  const now = Math.floor(Date.now() / 1000);
  const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const payload = {
    iss: `https://securetoken.google.com/${projectId}`,
    aud: projectId,
    auth_time: now - 7200,
    iat: now - 7200,
    exp: now - 3600,
    sub: uid,
    user_id: uid,
    firebase: { identities: {}, sign_in_provider: 'password' },
    ...claims,
  };
  return `${encode({ alg: 'none', typ: 'JWT' })}.${encode(payload)}.`;
}
