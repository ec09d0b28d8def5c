/**
 * The smallest observable store React's `useSyncExternalStore` needs: an immutable snapshot, replaced on
 * every change, and a set of listeners. The stores (chat list, conversation, inbox) extend it.
 */
export class Store<T> {
  private readonly listeners = new Set<() => void>();

  constructor(private state: T) {}

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getSnapshot = (): T => this.state;

  protected update(change: Partial<T>): void {
    this.state = { ...this.state, ...change };
    this.listeners.forEach((listener) => listener());
  }
}
