import * as grpc from '@grpc/grpc-js';
import { GrpcError } from '../src/errors';
import { TRANSACTION_TTL_MS, TransactionRegistry } from '../src/transactions';
import { DB } from './fixtures';

function codeOf(fn: () => unknown): number | undefined {
  try {
    fn();
  } catch (err) {
    return err instanceof GrpcError ? err.code : -1;
  }
  return undefined;
}

describe('transaction registry', () => {
  test('When a transaction outlives its lifetime, then its id is INVALID_ARGUMENT with the expiry message the SDK retries on', () => {
    let now = 1_000_000;
    const registry = new TransactionRegistry(() => now);
    const id = registry.begin(DB, { readOnly: false, readTime: null });
    expect(registry.get(id, DB).readOnly).toBe(false);
    now += TRANSACTION_TTL_MS + 1;
    expect(codeOf(() => registry.get(id, DB))).toBe(grpc.status.INVALID_ARGUMENT);
    expect(() => registry.get(id, DB)).toThrow(/transaction has expired/);
  });

  test('When a transaction is used against another database, then it is INVALID_ARGUMENT', () => {
    const registry = new TransactionRegistry();
    const id = registry.begin(DB, { readOnly: true, readTime: null });
    expect(codeOf(() => registry.get(id, 'projects/other/databases/(default)'))).toBe(
      grpc.status.INVALID_ARGUMENT,
    );
  });

  test('When a transaction is finished, then its id no longer resolves', () => {
    const registry = new TransactionRegistry();
    const id = registry.begin(DB, { readOnly: false, readTime: null });
    registry.finish(registry.get(id, DB));
    expect(codeOf(() => registry.get(id, DB))).toBe(grpc.status.INVALID_ARGUMENT);
  });
});
