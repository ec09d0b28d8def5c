/**
 * One shared resource per key, opened by the first `acquire` and closed by the last `release`. The relay
 * keeps one Firestore listener per active room this way, whatever the number of sockets in it.
 */
export class RefCounted<T extends { close(): void }> {
  private readonly entries = new Map<string, { value: T; count: number }>();

  constructor(private readonly open: (key: string) => T) {}

  acquire(key: string): T {
    let entry = this.entries.get(key);
    if (!entry) {
      entry = { value: this.open(key), count: 0 };
      this.entries.set(key, entry);
    }
    entry.count += 1;
    return entry.value;
  }

  release(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    entry.count -= 1;
    if (entry.count > 0) return;
    this.entries.delete(key);
    entry.value.close();
  }

  get(key: string): T | undefined {
    return this.entries.get(key)?.value;
  }

  /** How many keys are open: one listener set each. */
  get size(): number {
    return this.entries.size;
  }

  closeAll(): void {
    for (const entry of this.entries.values()) entry.value.close();
    this.entries.clear();
  }
}
