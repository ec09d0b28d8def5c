import { compare, type TailCursor } from './collection-tail';

/**
 * The order in which a feed handed documents to its room, so a socket joining the room at `position` can
 * be told exactly which documents it already missed (send them in the ack) and which will still reach it
 * live (leave them out): every document once, never twice, never not at all.
 */
export class EmissionLog {
  private readonly order = new Map<string, number>();
  private sequence = 0;

  constructor(private readonly capacity = 5000) {}

  /** A mark in the emission order, taken just before a socket joins the room. */
  get position(): number {
    return this.sequence;
  }

  /** Whether `id` was handed to the room (within the log's memory). */
  has(id: string): boolean {
    return this.order.has(id);
  }

  record(id: string): void {
    this.sequence += 1;
    this.order.set(id, this.sequence);
    if (this.order.size > this.capacity) {
      const oldest = this.order.keys().next().value;
      if (oldest !== undefined) this.order.delete(oldest);
    }
  }

  /**
   * Whether a document read from Firestore reached the room at or before `position`. One the log does not
   * know is older than the feed (or than the log's memory) when it sorts at or before the tail's cursor, and
   * still to come otherwise.
   */
  emittedBefore(at: TailCursor, position: number, tailCursor: TailCursor | null): boolean {
    const seq = this.order.get(at.id);
    if (seq !== undefined) return seq <= position;
    return tailCursor !== null && compare(at, tailCursor) <= 0;
  }
}
