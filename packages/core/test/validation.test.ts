import { z } from 'zod';
import { AppError, parseInput, toErrorEnvelope } from '../src';

const Body = z.strictObject({ name: z.string().min(1), tags: z.array(z.string().max(3)).optional() });

describe('parseInput', () => {
  it('when the input is valid, then it returns the parsed value', () => {
    expect(parseInput(Body, { name: 'a', tags: ['x'] })).toEqual({ name: 'a', tags: ['x'] });
  });

  it('when a nested field is wrong, then the error names its dotted path', () => {
    const error = captureError(() => parseInput(Body, { name: 'a', tags: ['ok', 'too long'] }));
    expect(error.status).toBe(400);
    expect(error.code).toBe('invalid-argument');
    expect(error.message).toMatch(/^Invalid body\.tags\.1: /);
    expect(error.fields).toEqual([{ path: 'tags.1', message: expect.any(String) }]);
  });

  it('when unknown fields are sent, then each one is named', () => {
    const error = captureError(() => parseInput(Body, { name: 'a', uid: 'x', role: 'admin' }));
    expect(error.fields).toEqual([
      { path: 'uid', message: 'Unknown field.' },
      { path: 'role', message: 'Unknown field.' },
    ]);
  });

  it('when the input is not an object, then the message names the whole input', () => {
    const error = captureError(() => parseInput(Body, 'hello', 'query'));
    expect(error.message).toMatch(/^Invalid query: /);
  });
});

describe('toErrorEnvelope', () => {
  it('carries status, code, message, fields and request id', () => {
    const error = AppError.invalidArgument('Bad', [{ path: 'a', message: 'm' }]);
    expect(toErrorEnvelope(error, 'req-1')).toEqual({
      error: {
        status: 400,
        code: 'invalid-argument',
        message: 'Bad',
        fields: [{ path: 'a', message: 'm' }],
        requestId: 'req-1',
      },
    });
  });
});

function captureError(fn: () => unknown): AppError {
  try {
    fn();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected an AppError');
}
