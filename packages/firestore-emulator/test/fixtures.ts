import type { Write__Output } from '../src/generated/google/firestore/v1/Write';
import type { Value } from '../src/values';

/** Builders for wire-shaped values and writes, so engine tests read like the requests the SDK sends. */
export const DB = 'projects/demo-unit/databases/(default)';
export const ROOT = `${DB}/documents`;
export const docName = (path: string): string => `${ROOT}/${path}`;

export const v = {
  null: (): Value => ({ nullValue: 'NULL_VALUE', valueType: 'nullValue' }),
  bool: (b: boolean): Value => ({ booleanValue: b, valueType: 'booleanValue' }),
  int: (n: number | bigint | string): Value => ({ integerValue: String(n), valueType: 'integerValue' }),
  double: (n: number): Value => ({ doubleValue: n, valueType: 'doubleValue' }),
  str: (s: string): Value => ({ stringValue: s, valueType: 'stringValue' }),
  ts: (seconds: number, nanos = 0): Value => ({
    timestampValue: { seconds: String(seconds), nanos },
    valueType: 'timestampValue',
  }),
  bytes: (b: number[]): Value => ({ bytesValue: Buffer.from(b), valueType: 'bytesValue' }),
  ref: (path: string): Value => ({ referenceValue: docName(path), valueType: 'referenceValue' }),
  geo: (latitude: number, longitude: number): Value => ({
    geoPointValue: { latitude, longitude },
    valueType: 'geoPointValue',
  }),
  arr: (...values: Value[]): Value => ({ arrayValue: { values }, valueType: 'arrayValue' }),
  map: (fields: Record<string, Value>): Value => ({ mapValue: { fields }, valueType: 'mapValue' }),
};

export function setWrite(
  path: string,
  fields: Record<string, Value>,
  extra: Partial<Write__Output> = {},
): Write__Output {
  return { operation: 'update', update: { name: docName(path), fields }, ...extra };
}

export function deleteWrite(path: string, extra: Partial<Write__Output> = {}): Write__Output {
  return { operation: 'delete', delete: docName(path), ...extra };
}
