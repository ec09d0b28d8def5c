import { parseNumericId } from './document-ids';
import { invalidArgument } from './errors';
import { kindOf, type Fields, type Value } from './values';

/** A parsed document name: its database ('projects/p/databases/d') and the path segments after /documents. */
export interface DocumentKey {
  database: string;
  segments: string[];
}

const DATABASE_RE = /^projects\/([^/]+)\/databases\/([^/]+)$/;

/** Validates 'projects/{p}/databases/{d}'. */
export function parseDatabase(name: string | undefined): string {
  if (!name || !DATABASE_RE.test(name)) throw invalidArgument(`Invalid database name: "${name ?? ''}"`);
  return name;
}

export const documentsRoot = (database: string): string => `${database}/documents`;

function splitResource(name: string, what: string): DocumentKey {
  const parts = name.split('/');
  if (parts.length < 5 || parts[0] !== 'projects' || parts[2] !== 'databases' || parts[4] !== 'documents') {
    throw invalidArgument(`Invalid ${what} name: "${name}"`);
  }
  const database = parts.slice(0, 4).join('/');
  if (!parts[1] || !parts[3]) throw invalidArgument(`Invalid ${what} name: "${name}"`);
  const segments = parts.slice(5);
  // Segments alternate collection id, document id: only a document id may be numeric (`__id7__`).
  segments.forEach((s, i) => checkId(s, name, what, i % 2 === 1));
  return { database, segments };
}

const MAX_ID_BYTES = 1500;
const RESERVED_ID = /^__.*__$/;

/**
 * Collection and document ids: not empty, '.' or '..', at most 1,500 bytes, and not matching __.*__, except
 * that a document id may be a numeric id (`__id<int64>__`, see document-ids.ts).
 */
function checkId(id: string, name: string, what: string, isDocumentId: boolean): void {
  if (id === '' || id === '.' || id === '..') throw invalidArgument(`Invalid ${what} name: "${name}"`);
  if (id.length > MAX_ID_BYTES / 4 && Buffer.byteLength(id, 'utf8') > MAX_ID_BYTES) {
    throw invalidArgument(`Invalid ${what} name: an id is longer than ${MAX_ID_BYTES} bytes`);
  }
  if (!RESERVED_ID.test(id)) return;
  const numeric = isDocumentId ? parseNumericId(id) : null;
  if (numeric === 'out-of-range') {
    throw invalidArgument(`Invalid ${what} name: the id "${id}" is not a 64-bit integer id (__id<int64>__)`);
  }
  if (numeric === null) {
    const kind = isDocumentId ? 'document id' : 'collection id';
    throw invalidArgument(`Invalid ${what} name: the ${kind} "${id}" is reserved (__.*__)`);
  }
}

/** Parses and validates a document name ('projects/p/databases/d/documents/c/id[/c/id...]'). */
export function parseDocumentName(name: string | undefined): DocumentKey {
  const key = splitResource(name ?? '', 'document');
  if (key.segments.length === 0 || key.segments.length % 2 !== 0) {
    throw invalidArgument(
      `Invalid document name: "${name ?? ''}" (a document name has an even number of segments)`,
    );
  }
  return key;
}

/** Parses a query/list parent: the documents root of a database or a document name. */
export function parseParent(parent: string | undefined): DocumentKey {
  const key = splitResource(parent ?? '', 'parent');
  if (key.segments.length % 2 !== 0) {
    throw invalidArgument(`Invalid parent: "${parent ?? ''}" (it must be a document or the database root)`);
  }
  return key;
}

/** The collection a document lives in ('.../documents/rooms' for '.../documents/rooms/r1'). */
export function collectionOf(docName: string): string {
  return docName.slice(0, docName.lastIndexOf('/'));
}

/** The last segment of a resource name. */
export function lastSegment(name: string): string {
  return name.slice(name.lastIndexOf('/') + 1);
}

// ---- Field paths -------------------------------------------------------------------------------

const SIMPLE_SEGMENT = /^[a-zA-Z_][a-zA-Z_0-9]*$/;

/** Splits a field path ('a.b', 'a.`b.c`', '`x\\`y`') into segments; throws INVALID_ARGUMENT if malformed. */
export function parseFieldPath(path: string | undefined): string[] {
  const s = path ?? '';
  if (s === '') throw invalidArgument('Field path must not be empty');
  const segments: string[] = [];
  let i = 0;
  while (i <= s.length) {
    let seg = '';
    if (s[i] === '`') {
      i++;
      let closed = false;
      while (i < s.length) {
        const c = s[i];
        if (c === '\\' && i + 1 < s.length) {
          seg += s[i + 1];
          i += 2;
        } else if (c === '`') {
          closed = true;
          i++;
          break;
        } else {
          seg += c;
          i++;
        }
      }
      if (!closed) throw invalidArgument(`Invalid field path: "${s}" (unterminated backtick)`);
      if (i < s.length && s[i] !== '.') throw invalidArgument(`Invalid field path: "${s}"`);
    } else {
      const end = s.indexOf('.', i);
      seg = s.slice(i, end === -1 ? s.length : end);
      i = end === -1 ? s.length : end;
      if (seg === '' || /[`~*/[\]]/.test(seg)) throw invalidArgument(`Invalid field path: "${s}"`);
    }
    if (seg === '') throw invalidArgument(`Invalid field path: "${s}" (empty segment)`);
    segments.push(seg);
    if (i >= s.length) break;
    i++; // skip '.'
    if (i >= s.length) throw invalidArgument(`Invalid field path: "${s}" (trailing dot)`);
  }
  return segments;
}

/** The canonical string of a field path, quoting segments that are not simple identifiers. */
export function formatFieldPath(segments: string[]): string {
  return segments
    .map((s) => (SIMPLE_SEGMENT.test(s) ? s : '`' + s.replace(/\\/g, '\\\\').replace(/`/g, '\\`') + '`'))
    .join('.');
}

/** Reads the value at a field path, or undefined when any segment is missing. */
export function getField(fields: Fields | undefined, segments: string[]): Value | undefined {
  let current: Fields | undefined = fields;
  for (let i = 0; i < segments.length; i++) {
    const v: Value | undefined = current?.[segments[i]];
    if (v === undefined) return undefined;
    if (i === segments.length - 1) return v;
    if (kindOf(v) !== 'mapValue') return undefined;
    current = v.mapValue?.fields;
  }
  return undefined;
}

/**
 * Returns a copy of `fields` with the path set to `value` (or deleted when `value` is undefined). Only the
 * maps along the path are copied, so stored documents are never mutated.
 */
export function setField(fields: Fields, segments: string[], value: Value | undefined): Fields {
  const [head, ...rest] = segments;
  if (rest.length === 0) {
    if (value === undefined) {
      if (!(head in fields)) return fields;
      const out = { ...fields };
      delete out[head];
      return out;
    }
    return { ...fields, [head]: value };
  }
  const child = fields[head];
  const isMap = child !== undefined && kindOf(child) === 'mapValue';
  if (value === undefined && !isMap) return fields;
  const childFields = isMap ? (child.mapValue?.fields ?? {}) : {};
  return {
    ...fields,
    [head]: { mapValue: { fields: setField(childFields, rest, value) }, valueType: 'mapValue' },
  };
}

/** Keeps only the given field paths (for masks and projections). */
export function projectFields(fields: Fields, paths: string[][]): Fields {
  let out: Fields = {};
  for (const p of paths) {
    const v = getField(fields, p);
    if (v !== undefined) out = setField(out, p, v);
  }
  return out;
}
