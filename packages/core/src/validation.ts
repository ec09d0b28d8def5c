import { z } from 'zod';
import { AppError, type FieldIssue } from './errors';

/**
 * Parse untrusted input with a zod schema. On failure, throw one `invalid-argument` AppError whose
 * message names the first bad field and whose `fields` lists every issue by path.
 */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, what = 'body'): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const fields = result.error.issues.flatMap(toFieldIssues);
  const first = fields[0];
  const where = first && first.path ? `${what}.${first.path}` : what;
  throw AppError.invalidArgument(`Invalid ${where}: ${first?.message ?? 'invalid input'}`, fields);
}

function toFieldIssues(issue: z.core.$ZodIssue): FieldIssue[] {
  const base = issue.path.map(String).join('.');
  if (issue.code === 'unrecognized_keys') {
    // One entry per unknown key, so each path names a field the client actually sent.
    return issue.keys.map((key) => ({ path: base ? `${base}.${key}` : key, message: 'Unknown field.' }));
  }
  return [{ path: base, message: issue.message }];
}
