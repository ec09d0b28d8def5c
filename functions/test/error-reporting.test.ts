import express from 'express';
import request from 'supertest';
import { AppError, REPORTED_ERROR_EVENT, type LogEntry } from '@chat/core';
import { errorHandler } from '../src/http/errors';
import { requestContext } from '../src/http/request-context';
import { createLogs } from '../src/logs';

/**
 * The error middleware the API runs (`createApp` uses the same `requestContext` and `errorHandler`), behind
 * a route that fails the way a bug does. Runs without the emulators: nothing here reaches Firestore.
 */
function failingApp(thrown: unknown) {
  const logs: LogEntry[] = [];
  const app = express();
  app.use(requestContext('demo-chat'));
  app.get('/boom', () => {
    throw thrown;
  });
  app.use(errorHandler(createLogs((entry) => logs.push(entry))));
  return { app, logs };
}

describe('Error Reporting', () => {
  it('when a route fails with a bug, then one ERROR line is an Error Reporting event whose message is the stack', async () => {
    const { app, logs } = failingApp(new TypeError('Cannot read properties of undefined'));
    const res = await request(app).get('/boom?secret=no').expect(500);
    expect(res.body.error.message).toBe('Something went wrong on our side. It has been logged.');
    expect(logs).toHaveLength(1);
    const [line] = logs;
    expect(line).toMatchObject({
      severity: 'ERROR',
      '@type': 'type.googleapis.com/google.devtools.clouderrorreporting.v1beta1.ReportedErrorEvent',
      serviceContext: { service: 'api' },
      context: { httpRequest: { method: 'GET', url: '/boom', responseStatusCode: 500 } },
      requestId: res.headers['x-request-id'],
      httpRequest: { requestMethod: 'GET', requestUrl: '/boom' },
    });
    expect(line?.['@type']).toBe(REPORTED_ERROR_EVENT);
    // Error Reporting parses a V8 stack: the header line, then frames.
    expect(line?.message).toMatch(/^TypeError: Cannot read properties of undefined\n\s+at /);
  });

  it('when something that is not an Error is thrown, then the line still carries a parseable stack', async () => {
    const { app, logs } = failingApp('a bare string');
    await request(app).get('/boom').expect(500);
    expect(logs[0]?.['@type']).toBe(REPORTED_ERROR_EVENT);
    expect(logs[0]?.message).toMatch(/^Error: Non-error thrown: a bare string\n\s+at /);
  });

  it('when a client error happens, then it is not reported to Error Reporting', () => {
    const entries: LogEntry[] = [];
    const logs = createLogs((entry) => entries.push(entry));
    logs.requestRejected(
      { requestId: 'r-00000001', method: 'GET', path: '/users/me' },
      new AppError('unauthenticated', 'No token.'),
    );
    expect(entries[0]).not.toHaveProperty('@type');
    expect(entries[0]).toMatchObject({ severity: 'WARNING' });
  });
});
