import type { Auth } from 'firebase-admin/auth';
import { AppError } from '../errors';

/**
 * The accounts in Firebase Auth, as the admin API changes them: disabled or not, the `admin` custom claim,
 * and session revocation. Every operation is idempotent (setting the same state twice is harmless), which
 * is what lets the admin actions call it inside a Firestore transaction that may run more than once.
 */
export class AccountDirectory {
  constructor(private readonly auth: Auth) {}

  async setDisabled(uid: string, disabled: boolean): Promise<void> {
    await this.auth.updateUser(uid, { disabled }).catch(notFoundAs(uid));
  }

  /** Sets or clears `admin` among the account's custom claims, keeping the others. */
  async setAdminClaim(uid: string, admin: boolean): Promise<void> {
    const user = await this.auth.getUser(uid).catch(notFoundAs(uid));
    const claims: Record<string, unknown> = { ...user.customClaims };
    if (admin) claims['admin'] = true;
    else delete claims['admin'];
    await this.auth.setCustomUserClaims(uid, claims);
  }

  /** Whether the account is disabled and holds the admin claim, as Firebase Auth says now. */
  async state(uid: string): Promise<{ disabled: boolean; admin: boolean }> {
    const user = await this.auth.getUser(uid).catch(notFoundAs(uid));
    return { disabled: user.disabled, admin: user.customClaims?.['admin'] === true };
  }

  /** The instant before which sessions are revoked (ms since the epoch), or null when never revoked. */
  async validAfter(uid: string): Promise<number | null> {
    const user = await this.auth.getUser(uid).catch(notFoundAs(uid));
    return user.tokensValidAfterTime ? Date.parse(user.tokensValidAfterTime) : null;
  }

  /** Revokes every refresh token; returns the instant before which sessions are over (ms since the epoch). */
  async revokeSessions(uid: string): Promise<number> {
    await this.auth.revokeRefreshTokens(uid).catch(notFoundAs(uid));
    const user = await this.auth.getUser(uid).catch(notFoundAs(uid));
    return user.tokensValidAfterTime ? Date.parse(user.tokensValidAfterTime) : Date.now();
  }
}

function notFoundAs(uid: string) {
  return (error: unknown): never => {
    if ((error as { code?: unknown }).code === 'auth/user-not-found') {
      throw AppError.notFound(`No account ${uid}.`);
    }
    throw error;
  };
}
