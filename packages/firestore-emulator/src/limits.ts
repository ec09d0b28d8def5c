import { invalidArgument } from './errors';
import { kindOf, type Fields, type Value } from './values';

/** Firestore's documented limits; past any of them a request fails with INVALID_ARGUMENT. */
export const LIMITS = {
  maxDocumentBytes: 1024 * 1024,
  maxDocumentNameBytes: 6 * 1024,
  maxFieldPathBytes: 1500,
  maxNestingDepth: 20,
  maxRequestBytes: 10 * 1024 * 1024,
  maxInValues: 30,
  maxNotInValues: 10,
  maxDisjunctions: 30,
} as const;

const utf8Bytes = (s: string): number => Buffer.byteLength(s, 'utf8');

/** Storage size of a document name: each segment's bytes + 1, plus 16. */
export function documentNameSize(name: string): number {
  const path = name.slice(name.indexOf('/documents/') + '/documents/'.length);
  return path.split('/').reduce((sum, s) => sum + utf8Bytes(s) + 1, 0) + 16;
}

/** Storage size of a value by Firestore's rules. */
export function valueSize(v: Value): number {
  switch (kindOf(v)) {
    case 'nullValue':
    case 'booleanValue':
      return 1;
    case 'integerValue':
    case 'doubleValue':
    case 'timestampValue':
      return 8;
    case 'geoPointValue':
      return 16;
    case 'stringValue':
      return utf8Bytes(v.stringValue ?? '') + 1;
    case 'bytesValue':
      return (v.bytesValue?.length ?? 0) + 1;
    case 'referenceValue':
      return documentNameSize(v.referenceValue ?? '');
    case 'arrayValue':
      return (v.arrayValue?.values ?? []).reduce((sum, e) => sum + valueSize(e), 0);
    case 'mapValue':
      return fieldsSize(v.mapValue?.fields ?? {});
  }
}

export function fieldsSize(fields: Fields): number {
  let sum = 0;
  for (const [k, v] of Object.entries(fields)) sum += utf8Bytes(k) + 1 + valueSize(v);
  return sum;
}

export function documentSize(name: string, fields: Fields): number {
  return documentNameSize(name) + fieldsSize(fields) + 32;
}

export function checkDocumentName(name: string): void {
  if (utf8Bytes(name) > LIMITS.maxDocumentNameBytes) {
    throw invalidArgument(
      `Document name exceeds ${LIMITS.maxDocumentNameBytes} bytes: "${name.slice(0, 100)}..."`,
    );
  }
}

export function checkFieldPath(segments: string[]): void {
  const bytes = segments.reduce((sum, s) => sum + utf8Bytes(s), segments.length - 1);
  if (bytes > LIMITS.maxFieldPathBytes) {
    throw invalidArgument(`Field path exceeds ${LIMITS.maxFieldPathBytes} bytes`);
  }
}

function checkValueShape(v: Value, depth: number, pathBytes: number): void {
  if (v.valueType === undefined) throw invalidArgument('A value must set one of its value types');
  const kind = v.valueType;
  if (kind !== 'mapValue' && kind !== 'arrayValue') return;
  if (depth > LIMITS.maxNestingDepth) {
    throw invalidArgument(`Value nesting exceeds the maximum depth of ${LIMITS.maxNestingDepth}`);
  }
  if (kind === 'arrayValue') {
    for (const e of v.arrayValue?.values ?? []) {
      if (kindOf(e) === 'arrayValue') throw invalidArgument('Cannot have an array directly inside an array');
      checkValueShape(e, depth + 1, pathBytes);
    }
    return;
  }
  checkFields(v.mapValue?.fields ?? {}, depth + 1, pathBytes);
}

function checkFields(fields: Fields, depth: number, pathBytes: number): void {
  for (const [k, v] of Object.entries(fields)) {
    if (k === '') throw invalidArgument('Field names must not be empty');
    const bytes = pathBytes + utf8Bytes(k) + (pathBytes > 0 ? 1 : 0);
    if (bytes > LIMITS.maxFieldPathBytes)
      throw invalidArgument(`Field path exceeds ${LIMITS.maxFieldPathBytes} bytes`);
    checkValueShape(v, depth, bytes);
  }
}

/** Validates a document about to be stored: name length, field names, nesting depth and total size. */
export function checkDocument(name: string, fields: Fields): void {
  checkDocumentName(name);
  checkFields(fields, 1, 0);
  const size = documentSize(name, fields);
  if (size > LIMITS.maxDocumentBytes) {
    throw invalidArgument(
      `Document "${name}" is ${size} bytes, which exceeds the maximum of ${LIMITS.maxDocumentBytes} bytes`,
    );
  }
}
