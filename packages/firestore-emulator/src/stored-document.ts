import type { Time } from './time';
import type { Value } from './values';

/** A stored document: its full name, fields and timestamps. */
export interface StoredDocument {
  name: string;
  fields: Record<string, Value>;
  createTime: Time;
  updateTime: Time;
}
