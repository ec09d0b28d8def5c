import { AppError, REPORTED_ERROR_EVENT, type LogEntry } from '@chat/core';
import { createLogs, stdoutSink } from '../src/logs';

describe('Relay errors in Error Reporting', () => {
  it('when a client event fails on our side, then the line is an Error Reporting event with the stack as its message', () => {
    const entries: LogEntry[] = [];
    createLogs((entry) => entries.push(entry)).eventFailed(
      'message:send',
      'uid-1',
      new RangeError('Invalid time value'),
    );
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      severity: 'ERROR',
      '@type': REPORTED_ERROR_EVENT,
      serviceContext: { service: 'chat-relay' },
      context: { user: 'uid-1' },
      event: 'message:send',
    });
    expect(entries[0]?.message).toMatch(/^RangeError: Invalid time value\n\s+at /);
  });

  it('when the revocation check fails, then it is reported too; a rejected event is not', () => {
    const entries: LogEntry[] = [];
    const logs = createLogs((entry) => entries.push(entry));
    logs.revocationCheckFailed(new Error('DEADLINE_EXCEEDED'));
    logs.eventRejected('chat:join', 'uid-1', AppError.notFound('No such chat.'));
    expect(entries[0]?.['@type']).toBe(REPORTED_ERROR_EVENT);
    expect(entries[0]?.message).toMatch(/^Error: DEADLINE_EXCEEDED\n\s+at /);
    expect(entries[1]).not.toHaveProperty('@type');
  });

  it('when written to stdout, then the event is one JSON line Cloud Logging reads as jsonPayload', () => {
    const written: string[] = [];
    const write = jest
      .spyOn(process.stdout, 'write')
      .mockImplementation((chunk: string | Uint8Array) => written.push(String(chunk)) > 0);
    try {
      createLogs(stdoutSink()).eventFailed('typing', 'uid-2', new Error('boom'));
    } finally {
      write.mockRestore();
    }
    expect(written).toHaveLength(1);
    expect(written[0]?.endsWith('\n')).toBe(true);
    const line = JSON.parse(written[0] ?? '') as Record<string, unknown>;
    expect(line).toMatchObject({ severity: 'ERROR', '@type': REPORTED_ERROR_EVENT });
    expect(String(line.message)).toContain('Error: boom\n    at ');
    expect(typeof line.time).toBe('string');
  });
});
