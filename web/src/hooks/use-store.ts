import { useSyncExternalStore } from 'react';
import type { Store } from '../lib/store';

/** A store's current snapshot; the component re-renders when it changes. */
export function useStore<T>(store: Store<T>): T {
  return useSyncExternalStore(store.subscribe, store.getSnapshot);
}
