import type { _google_firestore_v1_StructuredAggregationQuery_Aggregation__Output as Aggregation } from './generated/google/firestore/v1/StructuredAggregationQuery';
import { invalidArgument } from './errors';
import { checkFieldPath } from './limits';
import { getField, parseFieldPath } from './paths';
import type { StoredDocument } from './store';
import { NULL_VALUE, doubleValue, intOf, intValue, isNumber, kindOf, numberOf, type Value } from './values';

/** Firestore accepts at most five aggregations per query. */
const MAX_AGGREGATIONS = 5;
const INT64_MAX = 2n ** 63n - 1n;
const INT64_MIN = -(2n ** 63n);

/**
 * The fields an aggregation query sums or averages. Firestore serves such a query from an index over them, so
 * it orders by them (after the query's own orders) and every aggregation, count included, covers only the
 * documents that have all of them, whatever their type.
 */
export function aggregatedFields(aggregations: Aggregation[]): string[][] {
  const fields: string[][] = [];
  for (const a of aggregations) {
    const path =
      a.operator === 'sum' ? a.sum?.field?.fieldPath : a.operator === 'avg' ? a.avg?.field?.fieldPath : null;
    if (path === null) continue;
    const segments = parseFieldPath(path);
    checkFieldPath(segments);
    if (segments.length === 1 && segments[0] === '__name__') {
      throw invalidArgument(
        `Aggregation "${a.alias ?? ''}": the document name (__name__) cannot be summed or averaged`,
      );
    }
    fields.push(segments);
  }
  return fields;
}

/**
 * Computes count/sum/avg over the documents a query returned (after its cursors, offset and limit).
 * Documents whose field is not a number are skipped by sum and avg (see aggregatedFields for missing ones).
 */
export function computeAggregations(
  aggregations: Aggregation[],
  docs: StoredDocument[],
): Record<string, Value> {
  if (aggregations.length === 0) throw invalidArgument('An aggregation query needs at least one aggregation');
  if (aggregations.length > MAX_AGGREGATIONS) {
    throw invalidArgument(`An aggregation query takes at most ${MAX_AGGREGATIONS} aggregations`);
  }
  const out: Record<string, Value> = {};
  aggregations.forEach((a, i) => {
    const alias = a.alias || `field_${i + 1}`;
    if (alias in out) throw invalidArgument(`Duplicate aggregation alias "${alias}"`);
    switch (a.operator) {
      case 'count': {
        const upTo = a.count?.upTo?.value;
        const n = upTo !== undefined && Number(upTo) > 0 ? Math.min(docs.length, Number(upTo)) : docs.length;
        out[alias] = intValue(n);
        break;
      }
      case 'sum':
        out[alias] = sum(numbersAt(docs, a.sum?.field?.fieldPath));
        break;
      case 'avg': {
        const values = numbersAt(docs, a.avg?.field?.fieldPath);
        out[alias] =
          values.length === 0
            ? NULL_VALUE
            : doubleValue(values.reduce((s, v) => s + numberOf(v), 0) / values.length);
        break;
      }
      default:
        throw invalidArgument(`Aggregation "${alias}" sets no operator`);
    }
  });
  return out;
}

function numbersAt(docs: StoredDocument[], path: string | undefined): Value[] {
  const segments = parseFieldPath(path);
  const values: Value[] = [];
  for (const d of docs) {
    const v = getField(d.fields, segments);
    if (v !== undefined && isNumber(v)) values.push(v);
  }
  return values;
}

/** Integers stay an integer until a double appears or the int64 range overflows; nothing sums to 0. */
function sum(values: Value[]): Value {
  let int = 0n;
  let allInts = true;
  for (const v of values) {
    if (kindOf(v) !== 'integerValue') {
      allInts = false;
      break;
    }
    int += intOf(v);
    if (int > INT64_MAX || int < INT64_MIN) {
      allInts = false;
      break;
    }
  }
  if (allInts) return intValue(int);
  return doubleValue(values.reduce((s, v) => s + numberOf(v), 0));
}
