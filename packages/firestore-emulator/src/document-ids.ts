/**
 * Numeric document ids. Datastore's integer ids appear in Firestore as document ids of the form
 * `__id<integer>__` (`__id7__`, `__id-3__`): they are the one legal exception to the reserved `__…__` ids, and
 * they sort before every string id, by integer value. Only document ids can be numeric; a collection id of
 * that form stays reserved.
 */

// No leading zeros and no "-0": each integer has exactly one spelling, as in the official emulator.
const NUMERIC_ID = /^__id(-?[1-9][0-9]*)__$/;
const INT64_MAX = 2n ** 63n - 1n;
const INT64_MIN = -(2n ** 63n);

/** What an id of the `__id<digits>__` form holds: its integer, or `out-of-range` past int64. */
export function parseNumericId(id: string): bigint | 'out-of-range' | null {
  if (!id.startsWith('__id')) return null;
  const match = NUMERIC_ID.exec(id);
  if (!match?.[1]) return null;
  const n = BigInt(match[1]);
  return n > INT64_MAX || n < INT64_MIN ? 'out-of-range' : n;
}

/** The integer of a valid numeric document id, or null for any other id. */
export function numericIdOf(id: string): bigint | null {
  const n = parseNumericId(id);
  return typeof n === 'bigint' ? n : null;
}
