import type { Auth, UserRecord } from 'firebase-admin/auth';
import type { AuthContext } from '../auth';
import { AppError } from '../errors';
import type { RevocationRepository } from '../repositories/revocation-repository';
import type { AccountState, SessionsRevoked } from '../schemas/admin';

/**
 * What app admins do to an account: sign it out everywhere, or disable (and enable) it. Each change goes
 * to Firebase Auth first, so the API refuses the user's next request, then to a revocation record, which
 * every relay instance listens to and acts on within a second or two instead of at its next poll.
 */
export class AccountService {
  constructor(
    private readonly auth: Auth,
    private readonly revocations: RevocationRepository,
  ) {}

  /** Revoke every refresh token of `uid`: sessions signed in before now are over, sockets included. */
  async revokeSessions(caller: AuthContext, uid: string): Promise<SessionsRevoked> {
    requireAdmin(caller);
    await this.auth.revokeRefreshTokens(uid).catch(notFoundAs(uid));
    const user = await this.auth.getUser(uid).catch(notFoundAs(uid));
    const validAfter = validAfterOf(user) ?? Date.now();
    await this.revocations.record({ uid, disabled: user.disabled, tokensValidAfter: validAfter });
    return { uid, revokedAt: new Date(validAfter).toISOString() };
  }

  /** Disable (or enable again) the account of `uid`; a disabled user's sockets close on every instance. */
  async setDisabled(caller: AuthContext, uid: string, disabled: boolean): Promise<AccountState> {
    requireAdmin(caller);
    const user = await this.auth.updateUser(uid, { disabled }).catch(notFoundAs(uid));
    await this.revocations.record({ uid, disabled, tokensValidAfter: validAfterOf(user) });
    return { uid, disabled };
  }
}

function requireAdmin(caller: AuthContext): void {
  if (!caller.admin) throw AppError.permissionDenied('This needs the admin role.');
}

function validAfterOf(user: UserRecord): number | null {
  return user.tokensValidAfterTime ? Date.parse(user.tokensValidAfterTime) : null;
}

function notFoundAs(uid: string) {
  return (error: unknown): never => {
    if ((error as { code?: unknown }).code === 'auth/user-not-found') {
      throw AppError.notFound(`No account ${uid}.`);
    }
    throw error;
  };
}
