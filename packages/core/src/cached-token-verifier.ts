import type { Auth } from 'firebase-admin/auth';
import type { RevocationRepository } from './repositories/revocation-repository';
import { revoked, toAuthError, toVerifiedToken, type VerifiedToken } from './verify-id-token';

/** Options of `CachedTokenVerifier`. */
export interface TokenVerifierOptions {
  /**
   * How long a user's revocation state (disabled, tokens valid after) is trusted without asking Auth
   * again, when no revocation record arrives first.
   * @default 5000
   */
  accountTtlMs?: number;
  /** Tokens and accounts kept; past it the oldest are forgotten. @default 10000 */
  maxEntries?: number;
}

interface AccountState {
  disabled: boolean;
  /** `tokensValidAfterTime`, ms since the epoch; 0 when never revoked. */
  validAfter: number;
  fetchedAt: number;
}

/**
 * `verifyIdToken(token, true)` without an Auth round trip per request. The Admin SDK's revocation check is
 * a `getUser` call to Firebase Auth on every verification; this keeps, per instance:
 * - each verified token until its expiry (the signature and claims cannot change), and
 * - each user's revocation state (disabled, `tokensValidAfterTime`) for `accountTtlMs`,
 * and forgets a user's state at once when told of a revocation: by `invalidate` (the admin routes of this
 * instance, after they change Auth) or by a `revocations/{uid}` record (`watch`, every instance). A token is
 * then refused exactly as the Admin SDK would refuse it: `token-revoked` when the user signed in before
 * `tokensValidAfterTime`, `user-disabled` when the account is disabled, `unauthenticated` when it is gone.
 */
export class CachedTokenVerifier {
  private readonly accountTtlMs: number;
  private readonly maxEntries: number;
  private readonly tokens = new Map<string, VerifiedToken>();
  private readonly accounts = new Map<string, AccountState>();
  /** One Auth lookup per user at a time, shared by the requests that need it. */
  private readonly lookups = new Map<string, Promise<AccountState>>();
  /** Bumped by `invalidate`: a lookup begun before it must not store what it found. */
  private readonly generations = new Map<string, number>();

  constructor(
    private readonly auth: Auth,
    options: TokenVerifierOptions = {},
  ) {
    this.accountTtlMs = options.accountTtlMs ?? 5000;
    this.maxEntries = options.maxEntries ?? 10_000;
  }

  /** Verifies `token` as `verifyIdToken(auth, token)` does: revocation and disabled accounts checked. */
  async verify(token: string): Promise<VerifiedToken> {
    const verified = this.tokens.get(token) ?? (await this.decode(token));
    if (verified.expiresAt <= Date.now()) {
      this.tokens.delete(token);
      // Expired since it was cached: the SDK says so with its own code.
      return this.decode(token);
    }
    const account = await this.account(verified.auth.uid);
    if (account.disabled) throw revoked.disabled();
    if (verified.authTime < account.validAfter) throw revoked.token();
    return verified;
  }

  /** Forgets what is known of `uid`'s account: their next request asks Auth. */
  invalidate(uid: string): void {
    this.accounts.delete(uid);
    this.lookups.delete(uid);
    remember(this.generations, uid, (this.generations.get(uid) ?? 0) + 1, this.maxEntries);
  }

  /**
   * Listens to the revocation records written from now on and forgets each named user's state as it
   * arrives. `onError` hears a broken listener (the cached states stay bounded by `accountTtlMs`).
   * Returns the unsubscribe.
   */
  watch(revocations: RevocationRepository, onError: (error: Error) => void): () => void {
    return revocations.watch(new Date(), {
      onChange: (revocation) => this.invalidate(revocation.uid),
      // A record we cannot read still names a user whose state may have changed.
      onMalformed: ({ path }) => this.invalidate(path.split('/').pop() ?? ''),
      onError,
    });
  }

  /** The signature, expiry and claims, checked locally by the SDK (no revocation check, no round trip). */
  private async decode(token: string): Promise<VerifiedToken> {
    let verified: VerifiedToken;
    try {
      verified = toVerifiedToken(await this.auth.verifyIdToken(token, false));
    } catch (error) {
      throw toAuthError(error);
    }
    remember(this.tokens, token, verified, this.maxEntries);
    return verified;
  }

  private account(uid: string): Promise<AccountState> {
    const known = this.accounts.get(uid);
    if (known && Date.now() - known.fetchedAt < this.accountTtlMs) return Promise.resolve(known);
    const pending = this.lookups.get(uid);
    if (pending) return pending;
    const lookup: Promise<AccountState> = this.lookUp(uid).finally(() => {
      if (this.lookups.get(uid) === lookup) this.lookups.delete(uid);
    });
    this.lookups.set(uid, lookup);
    return lookup;
  }

  private async lookUp(uid: string): Promise<AccountState> {
    const generation = this.generations.get(uid) ?? 0;
    try {
      const user = await this.auth.getUser(uid);
      const state: AccountState = {
        disabled: user.disabled,
        validAfter: user.tokensValidAfterTime ? new Date(user.tokensValidAfterTime).getTime() : 0,
        fetchedAt: Date.now(),
      };
      if ((this.generations.get(uid) ?? 0) === generation)
        remember(this.accounts, uid, state, this.maxEntries);
      return state;
    } catch (error) {
      throw toAuthError(error);
    }
  }
}

/** Sets `key`, forgetting the oldest entry once `max` are held (a Map iterates in insertion order). */
function remember<V>(map: Map<string, V>, key: string, value: V, max: number): void {
  map.delete(key);
  if (map.size >= max) {
    const oldest = map.keys().next();
    if (!oldest.done) map.delete(oldest.value);
  }
  map.set(key, value);
}
