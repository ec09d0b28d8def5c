import { eventually } from './chat-support';

/** The poll the suites wait on for triggers: it must fail a test whose condition never holds. */
describe('eventually', () => {
  it('when the condition holds after a few reads, then it returns the value that satisfied it', async () => {
    let reads = 0;
    await expect(
      eventually(
        async () => ++reads,
        (n) => n >= 3,
        5_000,
        'three reads',
      ),
    ).resolves.toBe(3);
  });

  it('when the condition never holds, then it fails naming what it awaited and the last value', async () => {
    await expect(
      eventually(
        async () => ({ size: 1 }),
        () => false,
        300,
        'two notifications',
      ),
    ).rejects.toThrow(/Waited 300 ms for two notifications; it never held\. Last value read: \{"size":1\}/);
  });
});
