import { FieldValue, Timestamp, type Firestore, type Transaction } from 'firebase-admin/firestore';
import { z } from 'zod';

/**
 * What the relay must enforce on a user's live sockets: the account is disabled, or every session that
 * began before `tokensValidAfter` is revoked.
 */
export interface Revocation {
  uid: string;
  disabled: boolean;
  /** Sessions signed in before this instant (ms since the epoch) are revoked; null when never revoked. */
  tokensValidAfter: number | null;
}

/** The shape of `revocations/{uid}`; checked on every read. */
const RevocationDoc = z.object({
  disabled: z.boolean(),
  tokensValidAfter: z.instanceof(Timestamp).nullable(),
  updatedAt: z.instanceof(Timestamp),
});

/** A change the caller cannot read: logged by the caller, never applied. */
export interface MalformedRevocation {
  path: string;
}

/**
 * `revocations/{uid}`: one record per user, written by the admin operations in the transaction of their audit record,
 * after Firebase Auth has changed, so every relay instance hears it through one listener instead of waiting for its next poll.
 */
export class RevocationRepository {
  constructor(private readonly db: Firestore) {}

  private get collection() {
    return this.db.collection('revocations');
  }

  /** Writes the record inside an admin action's transaction (`AdminTransaction.recordRevocation`). */
  recordIn(tx: Transaction, revocation: Revocation): void {
    tx.set(this.collection.doc(revocation.uid), {
      disabled: revocation.disabled,
      tokensValidAfter:
        revocation.tokensValidAfter === null ? null : Timestamp.fromMillis(revocation.tokensValidAfter),
      updatedAt: FieldValue.serverTimestamp(),
    });
  }

  /**
   * Listen to every record written from `since` on (one listener, whatever the number of users). Calls
   * `onChange` for each record added or changed, `onMalformed` for a document of the wrong shape, and
   * `onError` when the listener breaks (it is then closed; open a new one). Returns the unsubscribe.
   */
  watch(
    since: Date,
    handlers: {
      onChange(revocation: Revocation): void;
      onMalformed(malformed: MalformedRevocation): void;
      onError(error: Error): void;
    },
  ): () => void {
    return this.collection.where('updatedAt', '>=', Timestamp.fromDate(since)).onSnapshot(
      (snapshot) => {
        for (const change of snapshot.docChanges()) {
          if (change.type === 'removed') continue;
          const parsed = RevocationDoc.safeParse(change.doc.data());
          if (!parsed.success) {
            handlers.onMalformed({ path: change.doc.ref.path });
            continue;
          }
          handlers.onChange({
            uid: change.doc.id,
            disabled: parsed.data.disabled,
            tokensValidAfter: parsed.data.tokensValidAfter?.toMillis() ?? null,
          });
        }
      },
      (error) => handlers.onError(error),
    );
  }
}
