import { settleAll } from '../src/settle-all';

/** A promise and the moment it settled, for ordering checks. */
function after<T>(ms: number, outcome: () => T, settled: string[], name: string): Promise<T> {
  return new Promise((resolve, reject) =>
    setTimeout(() => {
      settled.push(name);
      try {
        resolve(outcome());
      } catch (error) {
        reject(error);
      }
    }, ms),
  );
}

describe('settleAll', () => {
  it('when every promise fulfils, then it gives their values in order', async () => {
    const settled: string[] = [];
    await expect(
      settleAll([after(20, () => 'slow', settled, 'a'), after(1, () => 2, settled, 'b')]),
    ).resolves.toEqual(['slow', 2]);
  });

  it('when one rejects early, then it rejects with that failure only after the slower one has settled', async () => {
    const settled: string[] = [];
    const failure = new Error('early');
    const outcome = settleAll([
      after(
        1,
        () => {
          throw failure;
        },
        settled,
        'fails',
      ),
      after(50, () => 'still writing', settled, 'slow'),
    ]);
    await expect(outcome).rejects.toBe(failure);
    // Promise.all would have rejected while "slow" was still running.
    expect(settled).toEqual(['fails', 'slow']);
  });

  it('when several reject, then the first in the list is the one thrown', async () => {
    const settled: string[] = [];
    const first = new Error('first in the list');
    await expect(
      settleAll([
        after(
          30,
          () => {
            throw first;
          },
          settled,
          'a',
        ),
        after(
          1,
          () => {
            throw new Error('first in time');
          },
          settled,
          'b',
        ),
      ]),
    ).rejects.toBe(first);
  });
});
