/**
 * Display names by uid, fetched on first sight (`GET /users/{uid}`) and kept. Listing every user is an
 * admin operation, so the app learns names from the chats it shows.
 */
import type { ChatApi } from './api';
import { Store } from './store';

export class DirectoryStore extends Store<{ names: ReadonlyMap<string, string> }> {
  private readonly asked = new Set<string>();

  constructor(private readonly api: ChatApi) {
    super({ names: new Map() });
  }

  /** The user's name, or their uid until it is known. */
  readonly nameOf = (uid: string): string => {
    const name = this.getSnapshot().names.get(uid);
    if (name !== undefined) return name;
    if (!this.asked.has(uid)) {
      this.asked.add(uid);
      this.api.getUser(uid).then(
        (user) => this.update({ names: new Map(this.getSnapshot().names).set(uid, user.displayName) }),
        () => undefined, // a deleted profile keeps showing its uid
      );
    }
    return uid;
  };
}
