/**
 * The admin panel's mapping of react-admin's numbered pages onto the API's cursors, against a fake API of
 * 7 rows in pages of 3 (a plain function: the mapping is all there is to test here; the browser tests
 * page the real API).
 */
import { describe, expect, it } from '@jest/globals';
import { CursorPages, listKey } from '../src/admin/cursor-pages';

const ROWS = ['a', 'b', 'c', 'd', 'e', 'f', 'g'];

/** Pages of 3; the cursor is the index of the next row, as a string. */
function api() {
  const asked: Array<string | undefined> = [];
  const fetch = async (cursor: string | undefined) => {
    asked.push(cursor);
    const from = cursor ? Number(cursor) : 0;
    const rows = ROWS.slice(from, from + 3);
    return { rows, next: from + 3 < ROWS.length ? String(from + 3) : null };
  };
  return { asked, fetch };
}

describe('CursorPages', () => {
  it('when react-admin walks pages 1, 2, 3 and back to 2, then each page holds its rows and next/previous follow the cursors', async () => {
    const pages = new CursorPages();
    const { asked, fetch } = api();
    const key = listKey('users', { q: 'x' }, 3);
    expect(await pages.page(key, 1, fetch)).toEqual({
      rows: ['a', 'b', 'c'],
      hasNextPage: true,
      hasPreviousPage: false,
    });
    expect(await pages.page(key, 2, fetch)).toEqual({
      rows: ['d', 'e', 'f'],
      hasNextPage: true,
      hasPreviousPage: true,
    });
    expect(await pages.page(key, 3, fetch)).toEqual({
      rows: ['g'],
      hasNextPage: false,
      hasPreviousPage: true,
    });
    expect((await pages.page(key, 2, fetch)).rows).toEqual(['d', 'e', 'f']);
    expect(asked).toEqual([undefined, '3', '6', '3']);
  });

  it('when a page is asked for before its cursor is known, then it is reached by walking forward, and past the end is empty', async () => {
    const pages = new CursorPages();
    const { asked, fetch } = api();
    expect((await pages.page('k', 3, fetch)).rows).toEqual(['g']);
    expect(asked).toEqual([undefined, '3', '6']);
    expect(await pages.page('k', 5, fetch)).toEqual({ rows: [], hasNextPage: false, hasPreviousPage: true });
  });

  it('when another filter or a forgotten resource is listed, then it starts again from the first page', async () => {
    const pages = new CursorPages();
    const { asked, fetch } = api();
    await pages.page(listKey('users', { q: 'x' }, 3), 2, fetch);
    await pages.page(listKey('users', { q: 'y' }, 3), 1, fetch);
    pages.forget('users');
    await pages.page(listKey('users', { q: 'x' }, 3), 2, fetch);
    expect(asked).toEqual([undefined, '3', undefined, undefined, '3']);
  });
});
