import {
  compareResourceNames,
  compareUtf8,
  compareValues,
  valuesEqual,
  valuesIdentical,
} from '../src/values';
import { v } from './fixtures';

describe('Firestore value order', () => {
  test('When values of every type are sorted, then they follow the cross-type order', () => {
    const ordered = [
      v.null(),
      v.bool(false),
      v.bool(true),
      v.double(NaN),
      v.double(-Infinity),
      v.int(-5),
      v.double(1.5),
      v.int(2),
      v.ts(10),
      v.ts(10, 5000),
      v.str(''),
      v.str('a'),
      v.bytes([0]),
      v.ref('a/b'),
      v.ref('a/b/c/d'),
      v.geo(1, 2),
      v.arr(),
      v.arr(v.int(1)),
      v.map({}),
      v.map({ a: v.int(1) }),
    ];
    const shuffled = [...ordered].reverse();
    shuffled.sort(compareValues);
    expect(shuffled).toEqual(ordered);
  });

  test('When strings differ beyond the BMP, then they compare by UTF-8 bytes, not UTF-16 units', () => {
    // U+FFFF is one UTF-16 unit above the surrogate 0xD83D, but a smaller code point than U+1F600.
    expect(compareUtf8('\uffff', '\u{1f600}')).toBeLessThan(0);
    expect(compareValues(v.str('\uffff'), v.str('\u{1f600}'))).toBeLessThan(0);
    expect(compareUtf8('abc', 'abd')).toBeLessThan(0);
    expect(compareUtf8('ab', 'abc')).toBeLessThan(0);
  });

  test('When an int and a double hold the same number, then they are equal but not identical', () => {
    expect(valuesEqual(v.int(1), v.double(1))).toBe(true);
    expect(valuesIdentical(v.int(1), v.double(1))).toBe(false);
  });

  test('When large ints beyond 2^53 are compared, then precision is kept', () => {
    expect(compareValues(v.int('9007199254740993'), v.int('9007199254740992'))).toBe(1);
    expect(compareValues(v.int('9007199254740993'), v.double(9007199254740992))).toBe(1);
  });

  test('When maps are compared, then sorted keys decide before values', () => {
    expect(compareValues(v.map({ a: v.int(9) }), v.map({ b: v.int(1) }))).toBeLessThan(0);
    expect(compareValues(v.map({ a: v.int(1) }), v.map({ a: v.int(1), b: v.int(0) }))).toBeLessThan(0);
  });

  test('When references are compared, then segments compare one by one', () => {
    expect(compareValues(v.ref('a/b'), v.ref('a-b/c'))).toBeLessThan(0);
  });
});

describe('resource name order', () => {
  test('When a segment is a prefix of another, then it sorts first even against characters below "/"', () => {
    // '-' (0x2d) is below '/' (0x2f), yet segment 'a' < segment 'a-b'.
    expect(compareResourceNames('c/a/x', 'c/a-b')).toBeLessThan(0);
    expect(compareResourceNames('c/a-b', 'c/a/x')).toBeGreaterThan(0);
    expect(compareResourceNames('c/a', 'c/a/s/x')).toBeLessThan(0);
    expect(compareResourceNames('c/b', 'c/a/s/x')).toBeGreaterThan(0);
  });

  test('When ids are numeric (__id<int>__), then they sort before string ids, by integer value, at any depth', () => {
    const sorted = ['c/__id-12__', 'c/__id-3__', 'c/__id2__', 'c/__id10__', 'c/0', 'c/A', 'c/__idz', 'c/a'];
    expect([...sorted].reverse().sort(compareResourceNames)).toEqual(sorted);
    expect(compareResourceNames('c/__id9__/s/x', 'c/__id10__')).toBeLessThan(0);
    expect(compareResourceNames('c/__id10__', 'c/__id10__/s/x')).toBeLessThan(0);
    // Malformed numeric ids (leading zero) are string ids; the server refuses them as reserved anyway.
    expect(compareResourceNames('c/__id07__', 'c/__id8__')).toBeGreaterThan(0);
  });
});
