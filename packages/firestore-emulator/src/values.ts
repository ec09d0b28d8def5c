import { numericIdOf } from './document-ids';
import type { Value__Output } from './generated/google/firestore/v1/Value';
import type { MapValue__Output } from './generated/google/firestore/v1/MapValue';

/** A google.firestore.v1.Value as proto-loader decodes it (oneof name in `valueType`, int64 as string). */
export type Value = Value__Output;
export type MapValue = MapValue__Output;
export type Fields = Record<string, Value>;

export const NULL_VALUE: Value = { nullValue: 'NULL_VALUE', valueType: 'nullValue' };

/** The rank of each type in Firestore's cross-type order. */
const TYPE_RANK = {
  nullValue: 0,
  booleanValue: 1,
  integerValue: 2,
  doubleValue: 2,
  timestampValue: 3,
  stringValue: 4,
  bytesValue: 5,
  referenceValue: 6,
  geoPointValue: 7,
  arrayValue: 8,
  vectorValue: 9,
  mapValue: 10,
} as const;

export type ValueKind = Exclude<Value['valueType'], undefined>;

const KINDS: ValueKind[] = [
  'nullValue',
  'booleanValue',
  'integerValue',
  'doubleValue',
  'timestampValue',
  'stringValue',
  'bytesValue',
  'referenceValue',
  'geoPointValue',
  'arrayValue',
  'mapValue',
];

/** The oneof case of a value; tolerates values built without `valueType` (e.g. in tests). */
export function kindOf(v: Value): ValueKind {
  if (v.valueType) return v.valueType;
  for (const k of KINDS) {
    if (v[k] !== undefined && v[k] !== null) return k;
  }
  return 'nullValue';
}

/** Vectors are maps tagged `__type__: "__vector__"`; they sort between arrays and maps. */
export function isVector(v: Value): boolean {
  const t = v.mapValue?.fields?.['__type__'];
  return kindOf(v) === 'mapValue' && t !== undefined && t.stringValue === '__vector__';
}

/** The rank used for cross-type ordering; ints and doubles share one. */
export function typeRank(v: Value): number {
  const kind = kindOf(v);
  if (kind === 'mapValue' && isVector(v)) return TYPE_RANK.vectorValue;
  return TYPE_RANK[kind];
}

export const isNumber = (v: Value): boolean => {
  const k = kindOf(v);
  return k === 'integerValue' || k === 'doubleValue';
};
export const isNullValue = (v: Value): boolean => kindOf(v) === 'nullValue';
export const isNaNValue = (v: Value): boolean =>
  kindOf(v) === 'doubleValue' && Number.isNaN(Number(v.doubleValue));

const cmp = <T extends number | bigint | string>(a: T, b: T): number => (a < b ? -1 : a > b ? 1 : 0);

/** Compares strings by UTF-8 bytes, which is code point order (not UTF-16 unit order). */
export function compareUtf8(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    const xs = x >= 0xd800 && x <= 0xdfff;
    const ys = y >= 0xd800 && y <= 0xdfff;
    // A surrogate encodes a code point above U+FFFF, so it outranks any other BMP unit.
    if (xs !== ys) return xs ? 1 : -1;
    return x < y ? -1 : 1;
  }
  return cmp(a.length, b.length);
}

/**
 * Compares resource names (document paths) segment by segment, as Firestore orders keys: a numeric document
 * id (`__id7__`) sorts before every string id, by its integer value; string segments compare by UTF-8 bytes,
 * and a segment that is a prefix of the other sorts first. Works on the strings without splitting them.
 */
export function compareResourceNames(a: string, b: string): number {
  if (a === b) return 0;
  const n = Math.min(a.length, b.length);
  let i = 0;
  while (i < n && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  // The segments that differ start after the last '/' both names share.
  const start = a.lastIndexOf('/', i - 1) + 1;
  const endA = a.indexOf('/', start);
  const endB = b.indexOf('/', start);
  const segA = a.slice(start, endA === -1 ? a.length : endA);
  const segB = b.slice(start, endB === -1 ? b.length : endB);
  const numA = segA.startsWith('__id') ? numericIdOf(segA) : null;
  const numB = segB.startsWith('__id') ? numericIdOf(segB) : null;
  if (numA !== null || numB !== null) {
    if (numA === null) return 1;
    if (numB === null) return -1;
    if (numA !== numB) return numA < numB ? -1 : 1;
  }
  if (segA === segB) return cmp(a.length, b.length); // one name is the other's ancestor
  return compareUtf8(segA, segB);
}

const INT64_MAX = 2n ** 63n - 1n;
const INT64_MIN = -(2n ** 63n);

export function intOf(v: Value): bigint {
  return BigInt(v.integerValue ?? '0');
}
export function doubleOf(v: Value): number {
  return Number(v.doubleValue ?? 0);
}
/** The numeric value of an int or double as a JS number (ints may lose precision past 2^53). */
export function numberOf(v: Value): number {
  return kindOf(v) === 'integerValue' ? Number(v.integerValue ?? '0') : doubleOf(v);
}

/** Clamps to the int64 range, as Firestore's integer arithmetic saturates. */
export function saturateInt64(n: bigint): bigint {
  return n > INT64_MAX ? INT64_MAX : n < INT64_MIN ? INT64_MIN : n;
}

export const intValue = (n: bigint | number): Value => ({
  integerValue: String(n),
  valueType: 'integerValue',
});
export const doubleValue = (n: number): Value => ({ doubleValue: n, valueType: 'doubleValue' });

/** Orders an int against a double exactly; NaN sorts before every other number. */
function compareIntDouble(i: bigint, d: number): number {
  if (Number.isNaN(d)) return 1;
  if (d === Infinity) return -1;
  if (d === -Infinity) return 1;
  const floor = Math.floor(d);
  if (Math.abs(floor) >= 2 ** 63) return floor > 0 ? -1 : 1;
  const c = cmp(i, BigInt(floor));
  if (c !== 0) return c;
  return d > floor ? -1 : 0;
}

function compareNumbers(a: Value, b: Value): number {
  const ak = kindOf(a);
  const bk = kindOf(b);
  if (ak === 'integerValue' && bk === 'integerValue') {
    const x = a.integerValue ?? '0';
    const y = b.integerValue ?? '0';
    // Up to 15 digits a double is exact, and BigInt parsing is the slow part of sorting.
    if (x.length < 16 && y.length < 16) return cmp(Number(x), Number(y));
    return cmp(BigInt(x), BigInt(y));
  }
  if (ak === 'integerValue') return compareIntDouble(intOf(a), doubleOf(b));
  if (bk === 'integerValue') return -compareIntDouble(intOf(b), doubleOf(a));
  const x = doubleOf(a);
  const y = doubleOf(b);
  if (Number.isNaN(x)) return Number.isNaN(y) ? 0 : -1;
  if (Number.isNaN(y)) return 1;
  return cmp(x, y);
}

function compareTimestamps(a: Value, b: Value): number {
  const x = a.timestampValue ?? {};
  const y = b.timestampValue ?? {};
  const s = cmp(Number(x.seconds ?? 0), Number(y.seconds ?? 0));
  return s !== 0 ? s : cmp(x.nanos ?? 0, y.nanos ?? 0);
}

function compareBytes(a: Value, b: Value): number {
  const x = a.bytesValue ?? Buffer.alloc(0);
  const y = b.bytesValue ?? Buffer.alloc(0);
  return Buffer.compare(Buffer.from(x), Buffer.from(y));
}

function compareArrays(a: Value[], b: Value[]): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const c = compareValues(a[i], b[i]);
    if (c !== 0) return c;
  }
  return cmp(a.length, b.length);
}

function compareMaps(a: MapValue | undefined, b: MapValue | undefined): number {
  const af = a?.fields ?? {};
  const bf = b?.fields ?? {};
  const ak = Object.keys(af).sort(compareUtf8);
  const bk = Object.keys(bf).sort(compareUtf8);
  const n = Math.min(ak.length, bk.length);
  for (let i = 0; i < n; i++) {
    const k = compareUtf8(ak[i], bk[i]);
    if (k !== 0) return k;
    const c = compareValues(af[ak[i]], bf[bk[i]]);
    if (c !== 0) return c;
  }
  return cmp(ak.length, bk.length);
}

function vectorElements(v: Value): Value[] {
  return v.mapValue?.fields?.['value']?.arrayValue?.values ?? [];
}

/**
 * Firestore's total order: null < booleans < numbers (NaN first) < timestamps < strings (UTF-8 bytes)
 * < bytes < references < geopoints < arrays < vectors < maps.
 */
export function compareValues(a: Value, b: Value): number {
  const ra = typeRank(a);
  const rb = typeRank(b);
  if (ra !== rb) return ra < rb ? -1 : 1;
  switch (ra) {
    case TYPE_RANK.nullValue:
      return 0;
    case TYPE_RANK.booleanValue:
      return cmp(Number(a.booleanValue ?? false), Number(b.booleanValue ?? false));
    case TYPE_RANK.integerValue:
      return compareNumbers(a, b);
    case TYPE_RANK.timestampValue:
      return compareTimestamps(a, b);
    case TYPE_RANK.stringValue:
      return compareUtf8(a.stringValue ?? '', b.stringValue ?? '');
    case TYPE_RANK.bytesValue:
      return compareBytes(a, b);
    case TYPE_RANK.referenceValue:
      return compareResourceNames(a.referenceValue ?? '', b.referenceValue ?? '');
    case TYPE_RANK.geoPointValue: {
      const c = cmp(a.geoPointValue?.latitude ?? 0, b.geoPointValue?.latitude ?? 0);
      return c !== 0 ? c : cmp(a.geoPointValue?.longitude ?? 0, b.geoPointValue?.longitude ?? 0);
    }
    case TYPE_RANK.arrayValue:
      return compareArrays(a.arrayValue?.values ?? [], b.arrayValue?.values ?? []);
    case TYPE_RANK.vectorValue: {
      const x = vectorElements(a);
      const y = vectorElements(b);
      return x.length !== y.length ? cmp(x.length, y.length) : compareArrays(x, y);
    }
    default:
      return compareMaps(a.mapValue, b.mapValue);
  }
}

/** Equality as queries see it: 1 equals 1.0, NaN equals NaN. */
export function valuesEqual(a: Value, b: Value): boolean {
  return compareValues(a, b) === 0;
}

/**
 * Exact equality of stored representations (an int 1 differs from a double 1.0); decides whether a
 * write changed a document.
 */
export function valuesIdentical(a: Value, b: Value): boolean {
  const ka = kindOf(a);
  if (ka !== kindOf(b)) return false;
  switch (ka) {
    case 'doubleValue':
      return Object.is(doubleOf(a), doubleOf(b));
    case 'integerValue':
      return intOf(a) === intOf(b);
    case 'arrayValue': {
      const x = a.arrayValue?.values ?? [];
      const y = b.arrayValue?.values ?? [];
      return x.length === y.length && x.every((v, i) => valuesIdentical(v, y[i]));
    }
    case 'mapValue':
      return fieldsIdentical(a.mapValue?.fields ?? {}, b.mapValue?.fields ?? {});
    default:
      return compareValues(a, b) === 0;
  }
}

export function fieldsIdentical(a: Fields, b: Fields): boolean {
  const ak = Object.keys(a);
  if (ak.length !== Object.keys(b).length) return false;
  return ak.every((k) => k in b && valuesIdentical(a[k], b[k]));
}
