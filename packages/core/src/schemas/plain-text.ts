import { z } from 'zod';

/**
 * Text one user writes that other users are shown as a line: display names, group titles, and the
 * notifications composed from them. Control characters break the line (a newline forges a second line in a
 * notification) and bidirectional overrides and isolates reorder what a reader sees (`txt.exe` shown as
 * `exe.txt`), so names refuse them. Zero-width joiners stay: emoji sequences need them.
 */
const UNSAFE = /[\p{Cc}\u202A-\u202E\u2066-\u2069]/u;
const UNSAFE_ALL = new RegExp(UNSAFE.source, 'gu');

/** A one-line name or title of 1..`max` characters, trimmed; control characters and bidi controls refused. */
export function oneLine(max: number) {
  return z
    .string()
    .trim()
    .min(1)
    .max(max)
    .refine((text) => !UNSAFE.test(text), {
      message: 'Must not contain control characters (line breaks, tabs) or bidirectional controls.',
    });
}

/**
 * `text` made safe to show inside a sentence the server writes: unsafe characters become spaces, runs of
 * white space one space, and past `max` characters (code points) it is cut and ends with "…". For text
 * stored before the schemas refused such characters, or written by anything else than the API.
 */
export function plainLine(text: string, max: number): string {
  const clean = text.replace(UNSAFE_ALL, ' ').replace(/\s+/gu, ' ').trim();
  const chars = Array.from(clean);
  return chars.length <= max
    ? clean
    : `${chars
        .slice(0, max - 1)
        .join('')
        .trimEnd()}…`;
}
