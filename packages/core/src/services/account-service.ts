import { AppError } from '../errors';
import type { AccountDirectory } from '../repositories/account-directory';
import type { AuditRepository } from '../repositories/audit-repository';
import type { AccountState, SessionsRevoked } from '../schemas/admin';
import { requireAdminCaller, withAuthChange, type AdminCaller } from './admin-service';

/**
 * What app admins do to an account: sign it out everywhere, or disable (and enable) it. Each runs as an
 * audited admin action (`AuditRepository.act`): inside the transaction, Firebase Auth changes first (so
 * the API refuses the user's next request), then the revocation record (which every relay instance
 * listens to, closing the user's sockets) and the audit record commit together. If that commit fails, a
 * disable is set back in Auth; a revocation cannot be undone, and errs on the safe side.
 */
export class AccountService {
  constructor(
    private readonly accounts: AccountDirectory,
    private readonly audit: AuditRepository,
  ) {}

  /** Revoke every refresh token of `uid`: sessions signed in before now are over, sockets included. */
  async revokeSessions(caller: AdminCaller, uid: string): Promise<SessionsRevoked> {
    requireAdminCaller(caller);
    const before = await this.accounts.validAfter(uid);
    const intent = {
      actor: caller.auth.uid,
      action: 'user.revoke-sessions',
      target: { type: 'user', id: uid },
      requestId: caller.requestId,
    } as const;
    const validAfter = await this.audit.act(intent, async (tx) => {
      const { disabled } = await this.accounts.state(uid);
      const after = await this.accounts.revokeSessions(uid);
      tx.recordRevocation({ uid, disabled, tokensValidAfter: after });
      return {
        result: after,
        before: { tokensValidAfter: before === null ? null : new Date(before).toISOString() },
        after: { tokensValidAfter: new Date(after).toISOString() },
      };
    });
    return { uid, revokedAt: new Date(validAfter).toISOString() };
  }

  /** Disable (or enable again) the account of `uid`; a disabled user's sockets close on every instance. */
  async setDisabled(caller: AdminCaller, uid: string, disabled: boolean): Promise<AccountState> {
    requireAdminCaller(caller);
    if (uid === caller.auth.uid && disabled) {
      throw new AppError('failed-precondition', 'You cannot disable your own account.');
    }
    const intent = {
      actor: caller.auth.uid,
      action: disabled ? 'user.disable' : 'user.enable',
      target: { type: 'user', id: uid },
      requestId: caller.requestId,
    } as const;
    await withAuthChange(
      () => this.accounts.state(uid),
      (previous) => this.accounts.setDisabled(uid, previous.disabled),
      (previous) =>
        this.audit.act(intent, async (tx) => {
          const profile = await tx.user(uid);
          await this.accounts.setDisabled(uid, disabled);
          tx.recordRevocation({ uid, disabled, tokensValidAfter: await this.accounts.validAfter(uid) });
          if (profile) tx.setUserFlags(uid, { disabled });
          return { result: undefined, before: { disabled: previous.disabled }, after: { disabled } };
        }),
    );
    return { uid, disabled };
  }
}
