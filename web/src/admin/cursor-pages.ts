/**
 * react-admin counts pages (1, 2, 3…); the admin API pages with opaque cursors. This remembers, per list
 * (resource, filter and page size), the cursor that opens each page it has seen, so prev/next pagination
 * maps onto cursors. A page asked for before its cursor is known (a bookmarked `?page=4`) is reached by
 * walking forward from the last known one.
 */

/** One page as the API returns it: the rows and the cursor of the page after it (null on the last). */
export interface CursorPage<T> {
  rows: T[];
  next: string | null;
}

/** Keeps page → cursor for each list it has served. */
export class CursorPages {
  /** list key → cursors[i] opens page i + 1 (`undefined` for the first page). */
  private readonly lists = new Map<string, Array<string | undefined>>();

  /**
   * Page `page` (1-based) of the list named by `key`, fetched with `fetch(cursor)`. `hasNextPage` comes
   * from the API's cursor, so react-admin shows "next" exactly when there is more.
   */
  async page<T>(
    key: string,
    page: number,
    fetch: (cursor: string | undefined) => Promise<CursorPage<T>>,
  ): Promise<{ rows: T[]; hasNextPage: boolean; hasPreviousPage: boolean }> {
    const cursors = this.lists.get(key) ?? [undefined];
    this.lists.set(key, cursors);
    // Walk from the furthest known page up to the one asked for.
    let at = Math.min(page, cursors.length);
    for (;;) {
      const result = await fetch(cursors[at - 1]);
      if (result.next !== null) cursors[at] = result.next;
      else cursors.length = at;
      if (at === page || result.next === null) {
        return {
          rows: at === page ? result.rows : [],
          hasNextPage: result.next !== null,
          hasPreviousPage: at > 1,
        };
      }
      at += 1;
    }
  }

  /** Forget every list of a resource (after a change, pages may have moved). */
  forget(resource: string): void {
    for (const key of this.lists.keys()) if (key.startsWith(`${resource}|`)) this.lists.delete(key);
  }
}

/** The key of one list: resource, filter and page size. */
export const listKey = (resource: string, filter: unknown, perPage: number): string =>
  `${resource}|${perPage}|${JSON.stringify(filter ?? {})}`;
