import type {
  StructuredQuery__Output,
  _google_firestore_v1_StructuredQuery_Filter__Output as FilterProto,
} from './generated/google/firestore/v1/StructuredQuery';
import type { Cursor__Output } from './generated/google/firestore/v1/Cursor';
import { invalidArgument, unimplemented } from './errors';
import { LIMITS, checkFieldPath } from './limits';
import { formatFieldPath, getField, parseFieldPath, parseParent, projectFields } from './paths';
import type { StoredDocument } from './stored-document';
import {
  compareResourceNames,
  compareUtf8,
  compareValues,
  isNaNValue,
  isNullValue,
  kindOf,
  typeRank,
  valuesEqual,
  type Value,
} from './values';

export type StructuredQuery = StructuredQuery__Output;

/** Which documents a query ranges over, before filters. */
export interface CollectionSelection {
  /** The documents root or a document name. */
  parent: string;
  /** The database ('projects/p/databases/d'). */
  database: string;
  /** Empty only for a kindless all-descendants query. */
  collectionId: string;
  allDescendants: boolean;
}

/** A field of the normalized order; `segments` is null for `__name__`. */
export interface OrderField {
  path: string;
  segments: string[] | null;
  descending: boolean;
}

interface NormalizedCursor {
  values: Value[];
  before: boolean;
}

/** A validated query with its implicit orders made explicit. */
export interface NormalizedQuery {
  selection: CollectionSelection;
  matches: (doc: StoredDocument) => boolean;
  orders: OrderField[];
  startAt: NormalizedCursor | null;
  endAt: NormalizedCursor | null;
  offset: number;
  limit: number | null;
  /** Field paths to keep, or null for whole documents. */
  projection: string[][] | null;
}

const NAME_FIELD = '__name__';

const isNameField = (segments: string[]): boolean => segments.length === 1 && segments[0] === NAME_FIELD;

function fieldSegments(path: string | undefined): string[] {
  const segments = parseFieldPath(path);
  checkFieldPath(segments);
  return segments;
}

/** The value a document has at a path; `__name__` is the document's own reference. */
function fieldValue(doc: StoredDocument, segments: string[] | null): Value | undefined {
  if (segments === null || isNameField(segments))
    return { referenceValue: doc.name, valueType: 'referenceValue' };
  return getField(doc.fields, segments);
}

const INEQUALITY_OPS = new Set([
  'LESS_THAN',
  'LESS_THAN_OR_EQUAL',
  'GREATER_THAN',
  'GREATER_THAN_OR_EQUAL',
  'NOT_EQUAL',
  'NOT_IN',
]);

function compareSegments(a: string[], b: string[]): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const c = compareUtf8(a[i], b[i]);
    if (c !== 0) return c;
  }
  return a.length - b.length;
}

/** Collects inequality field paths, validates operand limits and counts DNF disjunctions. */
function inspectFilter(f: FilterProto, inequalities: Map<string, string[]>): number {
  switch (f.filterType) {
    case 'compositeFilter': {
      const op = f.compositeFilter?.op;
      if (op !== 'AND' && op !== 'OR')
        throw invalidArgument('A composite filter needs the operator AND or OR');
      const children = f.compositeFilter?.filters ?? [];
      const sizes = children.map((c) => inspectFilter(c, inequalities));
      if (op === 'OR') return sizes.reduce((a, b) => a + b, 0);
      return sizes.reduce((a, b) => a * b, 1);
    }
    case 'fieldFilter': {
      const ff = f.fieldFilter;
      const segments = fieldSegments(ff?.field?.fieldPath);
      const op = ff?.op;
      if (!op || op === 'OPERATOR_UNSPECIFIED') throw invalidArgument('A field filter needs an operator');
      if (!ff?.value) throw invalidArgument(`The filter on "${ff?.field?.fieldPath ?? ''}" has no value`);
      if (INEQUALITY_OPS.has(op)) inequalities.set(formatFieldPath(segments), segments);
      if (op === 'IN' || op === 'NOT_IN' || op === 'ARRAY_CONTAINS_ANY') {
        if (kindOf(ff.value) !== 'arrayValue') throw invalidArgument(`A '${op}' filter needs an array value`);
        const n = ff.value.arrayValue?.values?.length ?? 0;
        if (n === 0) throw invalidArgument(`A '${op}' filter needs a non-empty array`);
        const max = op === 'NOT_IN' ? LIMITS.maxNotInValues : LIMITS.maxInValues;
        if (n > max) throw invalidArgument(`A '${op}' filter supports at most ${max} values; got ${n}`);
        return op === 'NOT_IN' ? 1 : n;
      }
      if (isNameField(segments) && kindOf(ff.value) !== 'referenceValue') {
        throw invalidArgument(`A filter on ${NAME_FIELD} needs a reference value`);
      }
      return 1;
    }
    case 'unaryFilter': {
      const segments = fieldSegments(f.unaryFilter?.field?.fieldPath);
      const op = f.unaryFilter?.op;
      if (!op || op === 'OPERATOR_UNSPECIFIED') throw invalidArgument('A unary filter needs an operator');
      if (op === 'IS_NOT_NULL' || op === 'IS_NOT_NAN') inequalities.set(formatFieldPath(segments), segments);
      return 1;
    }
    default:
      throw invalidArgument('A filter must set one of composite_filter, field_filter or unary_filter');
  }
}

type Predicate = (doc: StoredDocument) => boolean;

function compileFilter(f: FilterProto): Predicate {
  if (f.filterType === 'compositeFilter') {
    const children = (f.compositeFilter?.filters ?? []).map(compileFilter);
    if (f.compositeFilter?.op === 'OR') return (doc) => children.some((c) => c(doc));
    return (doc) => children.every((c) => c(doc));
  }
  if (f.filterType === 'unaryFilter') {
    const segments = parseFieldPath(f.unaryFilter?.field?.fieldPath);
    switch (f.unaryFilter?.op) {
      case 'IS_NULL':
        return (doc) => {
          const v = fieldValue(doc, segments);
          return v !== undefined && isNullValue(v);
        };
      case 'IS_NAN':
        return (doc) => {
          const v = fieldValue(doc, segments);
          return v !== undefined && isNaNValue(v);
        };
      case 'IS_NOT_NULL':
        return (doc) => {
          const v = fieldValue(doc, segments);
          return v !== undefined && !isNullValue(v);
        };
      default:
        return (doc) => {
          const v = fieldValue(doc, segments);
          return v !== undefined && !isNullValue(v) && !isNaNValue(v);
        };
    }
  }
  const ff = f.fieldFilter;
  const segments = parseFieldPath(ff?.field?.fieldPath);
  const operand = ff?.value as Value;
  const list = operand.arrayValue?.values ?? [];
  const rank = typeRank(operand);
  // NaN sorts first among numbers, but no range filter matches it (nor a NaN operand anything).
  const range = (test: (c: number) => boolean): Predicate => {
    if (isNaNValue(operand)) return () => false;
    return (doc) => {
      const v = fieldValue(doc, segments);
      return v !== undefined && typeRank(v) === rank && !isNaNValue(v) && test(compareValues(v, operand));
    };
  };
  switch (ff?.op) {
    case 'LESS_THAN':
      return range((c) => c < 0);
    case 'LESS_THAN_OR_EQUAL':
      return range((c) => c <= 0);
    case 'GREATER_THAN':
      return range((c) => c > 0);
    case 'GREATER_THAN_OR_EQUAL':
      return range((c) => c >= 0);
    case 'EQUAL':
      if (isNaNValue(operand)) return () => false;
      return (doc) => {
        const v = fieldValue(doc, segments);
        return v !== undefined && valuesEqual(v, operand);
      };
    case 'NOT_EQUAL':
      return (doc) => {
        const v = fieldValue(doc, segments);
        return v !== undefined && !isNullValue(v) && !valuesEqual(v, operand);
      };
    // As the official emulator does: a null or NaN inside an in / not-in list matches nothing (only the
    // unary == null / == NaN filters match those), and a null in a not-in list makes it match nothing.
    case 'IN': {
      const comparable = list.filter((x) => !isNullValue(x) && !isNaNValue(x));
      return (doc) => {
        const v = fieldValue(doc, segments);
        return v !== undefined && comparable.some((x) => valuesEqual(v, x));
      };
    }
    case 'NOT_IN': {
      if (list.some(isNullValue)) return () => false;
      const comparable = list.filter((x) => !isNaNValue(x));
      return (doc) => {
        const v = fieldValue(doc, segments);
        return v !== undefined && !isNullValue(v) && !comparable.some((x) => valuesEqual(v, x));
      };
    }
    case 'ARRAY_CONTAINS':
      return (doc) => {
        const v = fieldValue(doc, segments);
        return v !== undefined && (v.arrayValue?.values ?? []).some((e) => valuesEqual(e, operand));
      };
    default: // ARRAY_CONTAINS_ANY
      return (doc) => {
        const v = fieldValue(doc, segments);
        if (v === undefined || kindOf(v) !== 'arrayValue') return false;
        const elements = v.arrayValue?.values ?? [];
        return elements.some((e) => list.some((x) => valuesEqual(e, x)));
      };
  }
}

function normalizeCursor(
  c: Cursor__Output | undefined,
  orders: OrderField[],
  which: string,
): NormalizedCursor | null {
  if (!c) return null;
  const values = c.values ?? [];
  if (values.length > orders.length) {
    throw invalidArgument(
      `Too many cursor values in ${which}: ${values.length} values for ${orders.length} orders`,
    );
  }
  values.forEach((v, i) => {
    if (orders[i].segments === null && kindOf(v) !== 'referenceValue') {
      throw invalidArgument(`The ${which} cursor value for ${NAME_FIELD} must be a document reference`);
    }
  });
  return { values, before: c.before ?? false };
}

/** Validates a structured query and makes its implicit order explicit. */
export function normalizeQuery(parent: string, q: StructuredQuery): NormalizedQuery {
  const key = parseParent(parent);
  const from = q.from ?? [];
  if (from.length !== 1) throw invalidArgument('A query must have exactly one collection selector in "from"');
  const collectionId = from[0].collectionId ?? '';
  const allDescendants = from[0].allDescendants ?? false;
  if (collectionId === '' && !allDescendants) throw invalidArgument('A query needs a collection id');
  if (collectionId.includes('/')) throw invalidArgument(`Invalid collection id "${collectionId}"`);
  if (q.findNearest) throw unimplemented('Vector search (find_nearest) is not supported by this emulator');

  const inequalities = new Map<string, string[]>();
  let matches: Predicate = () => true;
  if (q.where) {
    const disjunctions = inspectFilter(q.where, inequalities);
    if (disjunctions > LIMITS.maxDisjunctions) {
      throw invalidArgument(
        `The query expands to ${disjunctions} disjunctions; at most ${LIMITS.maxDisjunctions} are allowed`,
      );
    }
    matches = compileFilter(q.where);
  }

  const orders: OrderField[] = [];
  const ordered = new Set<string>();
  for (const o of q.orderBy ?? []) {
    const segments = fieldSegments(o.field?.fieldPath);
    const path = formatFieldPath(segments);
    if (ordered.has(path)) continue;
    ordered.add(path);
    orders.push({
      path,
      segments: isNameField(segments) ? null : segments,
      descending: o.direction === 'DESCENDING',
    });
  }
  const descending = orders.length > 0 ? orders[orders.length - 1].descending : false;
  const implicit = [...inequalities.entries()]
    .filter(([path]) => !ordered.has(path))
    .sort((a, b) => compareSegments(a[1], b[1]));
  for (const [path, segments] of implicit) {
    ordered.add(path);
    orders.push({ path, segments: isNameField(segments) ? null : segments, descending });
  }
  if (!ordered.has(NAME_FIELD)) orders.push({ path: NAME_FIELD, segments: null, descending });

  const offset = q.offset ?? 0;
  if (offset < 0) throw invalidArgument('offset must not be negative');
  const limit = q.limit ? (q.limit.value ?? 0) : null;
  if (limit !== null && limit < 0) throw invalidArgument('limit must not be negative');

  const projection = q.select
    ? (q.select.fields ?? []).map((f) => fieldSegments(f.fieldPath)).filter((s) => !isNameField(s))
    : null;

  return {
    selection: { parent, database: key.database, collectionId, allDescendants },
    matches,
    orders,
    startAt: normalizeCursor(q.startAt, orders, 'start_at'),
    endAt: normalizeCursor(q.endAt, orders, 'end_at'),
    offset,
    limit,
    projection,
  };
}

/** The values a document sorts by, in order (`__name__` as a reference). */
function sortKey(doc: StoredDocument, orders: OrderField[]): Value[] {
  return orders.map((o) => fieldValue(doc, o.segments) as Value);
}

function compareKeys(a: Value[], b: Value[], orders: OrderField[]): number {
  for (let i = 0; i < orders.length; i++) {
    const o = orders[i];
    const c =
      o.segments === null
        ? compareResourceNames(a[i].referenceValue ?? '', b[i].referenceValue ?? '')
        : compareValues(a[i], b[i]);
    if (c !== 0) return o.descending ? -c : c;
  }
  return 0;
}

/** Where a document sits relative to a cursor position: <0 before, 0 at, >0 after. */
function compareToCursor(doc: StoredDocument, cursor: NormalizedCursor, orders: OrderField[]): number {
  for (let i = 0; i < cursor.values.length; i++) {
    const o = orders[i];
    const v = cursor.values[i];
    const c =
      o.segments === null
        ? compareResourceNames(doc.name, v.referenceValue ?? '')
        : compareValues(getField(doc.fields, o.segments) as Value, v);
    if (c !== 0) return o.descending ? -c : c;
  }
  return 0;
}

/** Whether a document name lies in the collections a query ranges over (its `from` under its parent). */
export function inSelection(selection: CollectionSelection, name: string): boolean {
  const prefix = `${selection.parent}/`;
  if (!name.startsWith(prefix)) return false;
  const collection = name.slice(0, name.lastIndexOf('/'));
  if (!selection.allDescendants) return collection === `${selection.parent}/${selection.collectionId}`;
  return (
    selection.collectionId === '' ||
    collection.slice(collection.lastIndexOf('/') + 1) === selection.collectionId
  );
}

/**
 * Whether one document belongs to a query's result ignoring offset and limit: in its collections, has every
 * ordered field, passes the filters and lies within the cursors. For deciding listener membership per change.
 */
export function documentMatches(q: NormalizedQuery, doc: StoredDocument): boolean {
  if (!inSelection(q.selection, doc.name)) return false;
  return passes(q, doc);
}

function passes(q: NormalizedQuery, doc: StoredDocument): boolean {
  for (const o of q.orders)
    if (o.segments !== null && getField(doc.fields, o.segments) === undefined) return false;
  if (!q.matches(doc)) return false;
  if (q.startAt) {
    const c = compareToCursor(doc, q.startAt, q.orders);
    if (c < 0 || (c === 0 && !q.startAt.before)) return false;
  }
  if (q.endAt) {
    const c = compareToCursor(doc, q.endAt, q.orders);
    if (c > 0 || (c === 0 && q.endAt.before)) return false;
  }
  return true;
}

/** Filters, orders, applies cursors, offset and limit. Returns whole documents (no projection). */
export function executeQuery(q: NormalizedQuery, candidates: Iterable<StoredDocument>): StoredDocument[] {
  const results: StoredDocument[] = [];
  for (const doc of candidates) if (passes(q, doc)) results.push(doc);
  const compare = (a: Keyed, b: Keyed): number => compareKeys(a.key, b.key, q.orders);
  const keyed = results.map((doc) => ({ doc, key: sortKey(doc, q.orders) }));
  const end = q.limit === null ? keyed.length : q.offset + q.limit;
  const sorted = end * 4 < keyed.length ? smallest(keyed, end, compare) : keyed.sort(compare);
  return sorted.slice(q.offset, end).map((k) => k.doc);
}

interface Keyed {
  doc: StoredDocument;
  key: Value[];
}

/** The `n` smallest items in order, by binary insertion: a short page of a long collection needs no full sort. */
function smallest<T>(items: T[], n: number, compare: (a: T, b: T) => number): T[] {
  const out: T[] = [];
  if (n <= 0) return out;
  for (const item of items) {
    if (out.length === n && compare(item, out[n - 1]) >= 0) continue;
    let lo = 0;
    let hi = out.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (compare(out[mid], item) <= 0) lo = mid + 1;
      else hi = mid;
    }
    out.splice(lo, 0, item);
    if (out.length > n) out.pop();
  }
  return out;
}

/** Applies a query's projection (select) to its results. */
export function applyProjection(q: NormalizedQuery, docs: StoredDocument[]): StoredDocument[] {
  const projection = q.projection;
  if (projection === null) return docs;
  return docs.map((d) => ({ ...d, fields: projectFields(d.fields, projection) }));
}
