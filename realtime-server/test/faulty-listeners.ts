import type { CollectionReference, Query, QuerySnapshot } from 'firebase-admin/firestore';

/**
 * Fault injection around a real collection: the listeners a relay listener opens on it are real Firestore
 * listeners, but a test can make the current one fail (as a dropped stream does) or go silent (as a stream
 * stuck behind a dead connection does).
 */
export class FaultyListeners {
  mode: 'normal' | 'silent' = 'normal';
  opened = 0;
  private current: { unsubscribe: () => void; onError: (error: Error) => void } | undefined;

  wrap(collection: CollectionReference): CollectionReference {
    const wrapQuery = (query: Query): Query =>
      new Proxy(query, {
        get: (target, property, receiver) => {
          if (property === 'onSnapshot') {
            return (onNext: (snapshot: QuerySnapshot) => void, onError: (error: Error) => void) => {
              this.opened += 1;
              const unsubscribe = target.onSnapshot((snapshot) => {
                if (this.mode === 'normal') onNext(snapshot);
              }, onError);
              this.current = { unsubscribe, onError };
              return unsubscribe;
            };
          }
          const value: unknown = Reflect.get(target, property, receiver);
          if (typeof value !== 'function') return value;
          return (...args: unknown[]) => {
            const result: unknown = (value as (...a: unknown[]) => unknown).apply(target, args);
            return result && typeof result === 'object' && 'onSnapshot' in result
              ? wrapQuery(result as Query)
              : result;
          };
        },
      });
    return wrapQuery(collection) as CollectionReference;
  }

  /** The stream dies: the SDK would call the error callback and stop. */
  fail(): void {
    const current = this.current;
    current?.unsubscribe();
    current?.onError(new Error('14 UNAVAILABLE: injected stream failure'));
  }
}
