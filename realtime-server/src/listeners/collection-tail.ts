import type { Query, QueryDocumentSnapshot } from 'firebase-admin/firestore';
import { positionOf as createdPositionOf, type CreatedPosition } from '@chat/core';
import type { Logs } from '../logs';
import {
  comparePositions,
  positionOf,
  ResumingListener,
  type ResumingListenerOptions,
  type ResumingSpec,
} from './resuming-listener';

/** A position in a collection ordered by (createdAt, document id): the last document delivered. */
export type TailCursor = CreatedPosition;

/**
 * What a feed follows, from a repository (only repositories know Firestore paths): `ordered`, the query the
 * listener opens (ordered by its own field, then id), and `newest`, the newest document's place in
 * (createdAt, id) order when the feed opens.
 */
export interface FeedSource {
  ordered: Query;
  newest(): Promise<TailCursor | null>;
}

export interface TailHandlers {
  /** A document committed after the cursor, delivered exactly once, in (createdAt, id) order per snapshot. */
  added(doc: QueryDocumentSnapshot): void;
  /** A document already delivered changed. */
  modified(doc: QueryDocumentSnapshot): void;
}

export type CollectionTailOptions = ResumingListenerOptions;

/**
 * Follows the new documents of a collection (a repository's `FeedSource`) ordered by (createdAt, id), with one snapshot listener, and never
 * loses one (see ResumingListener): it starts after the newest document that existed when it opened.
 *
 * The listener opens in the constructor and closes in `close()`; `ready` settles once the first snapshot
 * has been delivered, so `cursor` is then the newest document committed before the tail was opened.
 */
export class CollectionTail {
  readonly ready: Promise<void>;
  private readonly listener: ResumingListener;

  constructor(
    source: FeedSource,
    handlers: TailHandlers,
    logs: Logs,
    key: string,
    options: CollectionTailOptions,
  ) {
    const spec: ResumingSpec = {
      label: 'tail',
      field: 'createdAt',
      ordered: source.ordered,
      start: async () => {
        const newest = await source.newest();
        return { after: newest ? { at: newest.createdAt, id: newest.id } : null };
      },
      deliver: (changes, resume) => {
        let added = 0;
        for (const change of changes) {
          if (change.type === 'modified') {
            handlers.modified(change.doc);
            continue;
          }
          // A document at or before the resume point was delivered by an earlier listener: never twice.
          if (resume && comparePositions(positionOf(change.doc, 'createdAt'), resume) <= 0) continue;
          added += 1;
          handlers.added(change.doc);
        }
        return added;
      },
    };
    this.listener = new ResumingListener(spec, logs, key, options);
    this.ready = this.listener.ready;
  }

  /** The last document delivered (null while the collection is empty). */
  get cursor(): TailCursor | null {
    const resume = this.listener.resume;
    return resume ? { createdAt: resume.at, id: resume.id } : null;
  }

  close(): void {
    this.listener.close();
  }
}

/** A document's place in (createdAt, id) order. */
export const cursorOf = createdPositionOf;

export function compare(a: TailCursor, b: TailCursor): number {
  const byTime =
    a.createdAt.seconds - b.createdAt.seconds || a.createdAt.nanoseconds - b.createdAt.nanoseconds;
  if (byTime !== 0) return byTime;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
