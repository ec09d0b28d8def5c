import { GrpcError } from '../src/errors';
import { formatFieldPath, getField, parseDocumentName, parseFieldPath, setField } from '../src/paths';
import { docName, v } from './fixtures';

describe('field paths', () => {
  test('When a path has backtick-quoted segments, then dots and escapes inside them are kept', () => {
    expect(parseFieldPath('a.`b.c`.d')).toEqual(['a', 'b.c', 'd']);
    expect(parseFieldPath('`x\\`y`')).toEqual(['x`y']);
    expect(parseFieldPath('`a-b`')).toEqual(['a-b']);
  });

  test('When a path is malformed, then it is refused with INVALID_ARGUMENT', () => {
    for (const bad of ['', 'a..b', 'a.', '`open', 'a*b']) {
      expect(() => parseFieldPath(bad)).toThrow(GrpcError);
    }
  });

  test('When segments are formatted, then only non-identifiers are quoted', () => {
    expect(formatFieldPath(['a', 'b.c', '1x'])).toBe('a.`b.c`.`1x`');
  });

  test('When a nested field is set or deleted, then the original map is not mutated', () => {
    const original = { a: v.map({ b: v.int(1), c: v.int(2) }) };
    const changed = setField(original, ['a', 'b'], undefined);
    expect(getField(changed, ['a', 'b'])).toBeUndefined();
    expect(getField(changed, ['a', 'c'])).toEqual(v.int(2));
    expect(getField(original, ['a', 'b'])).toEqual(v.int(1));
  });
});

describe('document names', () => {
  test('When a name has an odd number of segments, then it is not a document', () => {
    expect(() => parseDocumentName(docName('rooms'))).toThrow(GrpcError);
    expect(parseDocumentName(docName('rooms/r1')).segments).toEqual(['rooms', 'r1']);
  });

  test('When an id is reserved (__.*__) or longer than 1,500 bytes, then the name is INVALID_ARGUMENT', () => {
    expect(() => parseDocumentName(docName('rooms/__x__'))).toThrow(GrpcError);
    expect(() => parseDocumentName(docName(`rooms/${'i'.repeat(1501)}`))).toThrow(GrpcError);
    expect(() => parseDocumentName(docName(`rooms/${'i'.repeat(1500)}`))).not.toThrow();
  });

  test('When a document id is numeric (__id<int64>__), then it is legal; as a collection id or malformed it is reserved', () => {
    for (const id of ['__id7__', '__id-3__', '__id9223372036854775807__', '__id-9223372036854775808__']) {
      expect(() => parseDocumentName(docName(`rooms/${id}`))).not.toThrow();
    }
    for (const id of [
      '__id0__',
      '__id007__',
      '__id-0__',
      '__id+3__',
      '__id1.5__',
      '__id__',
      '__id9223372036854775808__',
    ]) {
      expect(() => parseDocumentName(docName(`rooms/${id}`))).toThrow(GrpcError);
    }
    expect(() => parseDocumentName(docName('__id5__/x'))).toThrow(GrpcError);
  });
});
