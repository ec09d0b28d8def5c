import { Harness, eventually } from './support';

/** The relay suites' own support: a wait that can fail, and a cleanup that reports what it could not stop. */
describe('the relay test harness', () => {
  it('when a polled check never passes, then eventually fails with its last failure and the time waited', async () => {
    await expect(eventually(() => expect('closed').toBe('open'), 200)).rejects.toThrow(
      /Still failing after 200 ms:[\s\S]*Expected: "open"/,
    );
  });

  it('when one teardown step fails, then the others still run and cleanup reports the failure', async () => {
    const h = new Harness();
    const stopped: string[] = [];
    h.defer(() => void stopped.push('first'));
    h.defer(() => {
      throw new Error('could not close the relay');
    });
    h.defer(() => void stopped.push('last'));
    await expect(h.cleanup()).rejects.toThrow('1 teardown step(s) failed');
    expect(stopped).toEqual(['last', 'first']);
  });
});
