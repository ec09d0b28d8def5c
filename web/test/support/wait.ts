/** Poll `check` until it holds; fails with `what` (worked out then, so it can say what was seen) after `timeout`. */
export async function waitUntil(
  check: () => Promise<boolean>,
  timeout = 20_000,
  what: string | (() => string) = 'the condition',
): Promise<void> {
  const deadline = Date.now() + timeout;
  while (!(await check())) {
    if (Date.now() > deadline) {
      throw new Error(
        `Timed out after ${timeout} ms waiting for ${typeof what === 'string' ? what : what()}.`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
