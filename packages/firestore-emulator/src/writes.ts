import type { Write__Output } from './generated/google/firestore/v1/Write';
import type { Precondition__Output } from './generated/google/firestore/v1/Precondition';
import type { _google_firestore_v1_DocumentTransform_FieldTransform__Output as FieldTransform } from './generated/google/firestore/v1/DocumentTransform';
import { alreadyExists, failedPrecondition, invalidArgument, notFound } from './errors';
import { checkDocument, checkFieldPath } from './limits';
import { getField, parseDocumentName, parseFieldPath, setField } from './paths';
import type { StoredDocument } from './stored-document';
import { compareTime, fromTimestamp, toTimestamp, type Time } from './time';
import {
  NULL_VALUE,
  compareValues,
  doubleValue,
  fieldsIdentical,
  intOf,
  intValue,
  isNaNValue,
  isNumber,
  kindOf,
  numberOf,
  saturateInt64,
  valuesEqual,
  type Fields,
  type Value,
} from './values';

/** The outcome of one write: the document before and after, and what goes in its WriteResult. */
export interface AppliedWrite {
  name: string;
  before: StoredDocument | null;
  after: StoredDocument | null;
  updateTime: Time;
  transformResults: Value[];
}

/** The name of the document a write targets, validated against the request's database. */
export function writeTarget(write: Write__Output, database: string): string {
  const name =
    write.operation === 'update'
      ? write.update?.name
      : write.operation === 'delete'
        ? write.delete
        : write.operation === 'transform'
          ? write.transform?.document
          : undefined;
  if (write.operation === undefined)
    throw invalidArgument('A write must set one of update, delete or transform');
  const key = parseDocumentName(name);
  if (key.database !== database) {
    throw invalidArgument(`Document "${name ?? ''}" is not in the request's database "${database}"`);
  }
  return name as string;
}

function checkPrecondition(
  name: string,
  pre: Precondition__Output | undefined,
  current: StoredDocument | null,
): void {
  if (!pre || pre.conditionType === undefined) return;
  if (pre.conditionType === 'exists') {
    if (pre.exists && !current) throw notFound(`No document to update: ${name}`);
    if (!pre.exists && current) throw alreadyExists(`Document already exists: ${name}`);
    return;
  }
  const expected = fromTimestamp(pre.updateTime ?? {});
  if (!current || compareTime(current.updateTime, expected) !== 0) {
    throw failedPrecondition(`The document ${name} does not have the required update time`);
  }
}

/**
 * Applies one write to `current` at `commitTime`. Throws a GrpcError when a precondition or validation fails;
 * never mutates `current`.
 */
export function applyWrite(
  write: Write__Output,
  name: string,
  current: StoredDocument | null,
  commitTime: Time,
): AppliedWrite {
  checkPrecondition(name, write.currentDocument, current);

  if (write.operation === 'delete') {
    return { name, before: current, after: null, updateTime: commitTime, transformResults: [] };
  }

  let fields: Fields;
  let transforms: FieldTransform[];
  if (write.operation === 'update') {
    const update = write.update?.fields ?? {};
    if (write.updateMask) {
      fields = current?.fields ?? {};
      for (const path of write.updateMask.fieldPaths ?? []) {
        const segments = parseFieldPath(path);
        checkFieldPath(segments);
        const value = getField(update, segments);
        fields = setField(fields, segments, value === undefined ? undefined : truncateValue(value));
      }
    } else {
      fields = truncateTimestamps(update);
    }
    transforms = write.updateTransforms ?? [];
  } else {
    fields = current?.fields ?? {};
    transforms = write.transform?.fieldTransforms ?? [];
  }

  const transformResults: Value[] = [];
  for (const t of transforms) {
    const segments = parseFieldPath(t.fieldPath);
    checkFieldPath(segments);
    const result = applyTransform(t, getField(fields, segments), commitTime);
    fields = setField(fields, segments, result.value);
    transformResults.push(result.reported);
  }

  checkDocument(name, fields);

  if (current && fieldsIdentical(current.fields, fields)) {
    return { name, before: current, after: current, updateTime: current.updateTime, transformResults };
  }
  const after: StoredDocument = {
    name,
    fields,
    createTime: current?.createTime ?? commitTime,
    updateTime: commitTime,
  };
  return { name, before: current, after, updateTime: commitTime, transformResults };
}

/** Firestore keeps microseconds: finer digits of timestamp values are dropped on write. */
function truncateValue(v: Value): Value {
  switch (kindOf(v)) {
    case 'timestampValue': {
      const nanos = v.timestampValue?.nanos ?? 0;
      if (nanos % 1000 === 0) return v;
      return { ...v, timestampValue: { ...v.timestampValue, nanos: nanos - (nanos % 1000) } };
    }
    case 'arrayValue': {
      const values = v.arrayValue?.values ?? [];
      const out = values.map(truncateValue);
      return out.some((x, i) => x !== values[i]) ? { ...v, arrayValue: { values: out } } : v;
    }
    case 'mapValue': {
      const fields = v.mapValue?.fields ?? {};
      const out = truncateTimestamps(fields);
      return out !== fields ? { ...v, mapValue: { fields: out } } : v;
    }
    default:
      return v;
  }
}

/** {@link truncateValue} over a field map; returns the same object when nothing changed. */
function truncateTimestamps(fields: Fields): Fields {
  let out: Fields | null = null;
  for (const [k, v] of Object.entries(fields)) {
    const t = truncateValue(v);
    if (t !== v) (out ??= { ...fields })[k] = t;
  }
  return out ?? fields;
}

interface TransformResult {
  /** The new field value. */
  value: Value;
  /** What the WriteResult reports for this transform. */
  reported: Value;
}

function applyTransform(t: FieldTransform, current: Value | undefined, commitTime: Time): TransformResult {
  switch (t.transformType) {
    case 'setToServerValue': {
      if (t.setToServerValue !== 'REQUEST_TIME')
        throw invalidArgument('Unknown server value in field transform');
      // Firestore fills server timestamps with the request time at millisecond precision (write.proto),
      // not the microsecond commit time: one value per commit, never after it.
      const requestTime = {
        seconds: commitTime.seconds,
        nanos: commitTime.nanos - (commitTime.nanos % 1_000_000),
      };
      const value: Value = { timestampValue: toTimestamp(requestTime), valueType: 'timestampValue' };
      return { value, reported: value };
    }
    case 'increment': {
      const value = increment(current, numericOperand(t.increment, 'increment'));
      return { value, reported: value };
    }
    case 'maximum': {
      const value = extremum(current, numericOperand(t.maximum, 'maximum'), 1);
      return { value, reported: value };
    }
    case 'minimum': {
      const value = extremum(current, numericOperand(t.minimum, 'minimum'), -1);
      return { value, reported: value };
    }
    case 'appendMissingElements': {
      const out = currentArray(current);
      for (const e of t.appendMissingElements?.values ?? []) {
        if (!out.some((x) => valuesEqual(x, e))) out.push(e);
      }
      return { value: arrayOf(out), reported: NULL_VALUE };
    }
    case 'removeAllFromArray': {
      const remove = t.removeAllFromArray?.values ?? [];
      const out = currentArray(current).filter((x) => !remove.some((r) => valuesEqual(x, r)));
      return { value: arrayOf(out), reported: NULL_VALUE };
    }
    default:
      throw invalidArgument(`Field transform on "${t.fieldPath ?? ''}" sets no transform`);
  }
}

const arrayOf = (values: Value[]): Value => ({ arrayValue: { values }, valueType: 'arrayValue' });

function currentArray(current: Value | undefined): Value[] {
  return current && kindOf(current) === 'arrayValue' ? [...(current.arrayValue?.values ?? [])] : [];
}

function numericOperand(v: Value | undefined, what: string): Value {
  if (!v || !isNumber(v)) throw invalidArgument(`The ${what} transform needs a numeric operand`);
  return v;
}

function increment(current: Value | undefined, operand: Value): Value {
  if (!current || !isNumber(current)) return operand;
  if (kindOf(current) === 'integerValue' && kindOf(operand) === 'integerValue') {
    return intValue(saturateInt64(intOf(current) + intOf(operand)));
  }
  return doubleValue(numberOf(current) + numberOf(operand));
}

/** maximum (sign 1) or minimum (sign -1): NaN wins, ties keep the stored value, the winner keeps its type. */
function extremum(current: Value | undefined, operand: Value, sign: 1 | -1): Value {
  if (!current || !isNumber(current)) return operand;
  if (isNaNValue(current)) return current;
  if (isNaNValue(operand)) return operand;
  const c = compareValues(operand, current);
  return c * sign > 0 ? operand : current;
}
