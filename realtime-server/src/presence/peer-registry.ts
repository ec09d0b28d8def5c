/**
 * The other relay instances this one has heard from, and when. Any message from a peer counts as a sign of
 * life; a peer silent for `timeoutMs` is dead, and one that said goodbye is gone at once. A peer that
 * said goodbye stays remembered for a while, so its last messages (still in flight, or answers sent
 * while it drains) are not taken for a new peer.
 */
export class PeerRegistry {
  private readonly lastSeen = new Map<string, number>();
  private readonly departed = new Map<string, number>();

  constructor(private readonly timeoutMs: number) {}

  /**
   * A message from `instance` arrived at `now`. False when that instance has said goodbye: ignore what
   * it says.
   */
  heard(instance: string, now: number): boolean {
    if (this.departed.has(instance)) return false;
    this.lastSeen.set(instance, now);
    return true;
  }

  /** `instance` is shutting down. True when it was alive until now. */
  leave(instance: string, now: number): boolean {
    this.departed.set(instance, now);
    return this.lastSeen.delete(instance);
  }

  /** Forget the peers silent for longer than the timeout, and return them. */
  expire(now: number): string[] {
    const dead = [...this.lastSeen].filter(([, seen]) => now - seen > this.timeoutMs).map(([id]) => id);
    for (const id of dead) this.lastSeen.delete(id);
    for (const [id, since] of this.departed) if (now - since > 10 * this.timeoutMs) this.departed.delete(id);
    return dead;
  }

  /**
   * Start every peer's timeout afresh. After this instance itself was frozen, the silence it saw was its
   * own, not theirs.
   */
  refresh(now: number): void {
    for (const id of this.lastSeen.keys()) this.lastSeen.set(id, now);
  }

  /** The peers believed alive. */
  alive(): string[] {
    return [...this.lastSeen.keys()];
  }
}
