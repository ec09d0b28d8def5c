/** How answers outside 2xx become ApiError, on real fetch `Response` objects (no network needed). */
import { ApiError } from '../src';

const json = (body: unknown, status: number, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });

describe('ApiError.fromResponse', () => {
  it('when a 429 carries the envelope and Retry-After, then code, fields, request id and retryAfter are kept', async () => {
    const error = await ApiError.fromResponse(
      json(
        { error: { status: 429, code: 'resource-exhausted', message: 'Slow down.', requestId: 'req-1' } },
        429,
        { 'retry-after': '17' },
      ),
    );
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({
      name: 'ApiError',
      status: 429,
      code: 'resource-exhausted',
      message: 'Slow down.',
      fields: [],
      requestId: 'req-1',
      retryAfter: 17,
    });
  });

  it('when Retry-After is an HTTP date, then retryAfter is the seconds until then', async () => {
    const at = new Date(Date.now() + 30_000).toUTCString();
    const error = await ApiError.fromResponse(
      json({ error: { status: 503, code: 'unavailable', message: 'Later.' } }, 503, { 'retry-after': at }),
    );
    expect(error.retryAfter).toBeGreaterThanOrEqual(28);
    expect(error.retryAfter).toBeLessThanOrEqual(30);
  });

  it('when the answer is not the envelope (a proxy page), then status is kept and the code follows it', async () => {
    const gateway = await ApiError.fromResponse(
      new Response('<html>Bad gateway</html>', { status: 502, headers: { 'x-request-id': 'edge-9' } }),
    );
    expect(gateway).toMatchObject({ status: 502, code: 'unavailable', requestId: 'edge-9' });
    const missing = await ApiError.fromResponse(new Response('Not Found', { status: 404 }));
    expect(missing).toMatchObject({ status: 404, code: 'not-found', retryAfter: undefined });
    const teapot = await ApiError.fromResponse(new Response('', { status: 418 }));
    expect(teapot.code).toBe('internal');
  });
});
