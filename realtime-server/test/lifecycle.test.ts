import { spawn } from 'node:child_process';
import path from 'node:path';
import type { Message, ServerGoodbye } from '@chat/core';
import { parseConfig } from '../src/config';
import { freePort, startRedis } from '../../scripts/lib/redis';
import { startRelayProcess } from './relay-process';
import { CLOSE_TIMEOUT_MS, REQUESTS_TIMEOUT_MS } from '../src/redis';
import { Harness, eventually, next, ok, type ChatClient } from './support';

describe('Relay lifecycle', () => {
  let h: Harness;
  beforeEach(() => {
    h = new Harness();
  });
  afterEach(() => h.cleanup());

  it('when /healthz is asked, then it answers only ok (no counts), and other paths are 404 in the error envelope', async () => {
    const { relay } = await h.startRelay();
    const health = await fetch(`${relay.url}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok' });
    const missing = await fetch(`${relay.url}/nope`);
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ error: { code: 'not-found' } });
  });

  it('when Redis goes away, then /healthz says degraded (the log says why), and ok once Redis is back', async () => {
    let redis = await startRedis();
    h.defer(() => redis.stop());
    const { relay, logs } = await h.startRelay({ REDIS_URL: redis.url });
    const health = async () => {
      const res = await fetch(`${relay.url}/healthz`);
      return { status: res.status, body: (await res.json()) as unknown };
    };
    expect(await health()).toEqual({ status: 200, body: { status: 'ok' } });
    await redis.stop();
    await eventually(async () =>
      expect(await health()).toEqual({ status: 503, body: { status: 'degraded' } }),
    );
    expect(logs).toContainEqual(expect.objectContaining({ message: 'Health: degraded', redis: 'down' }));
    redis = await startRedis(redis.port);
    await eventually(async () => expect(await health()).toEqual({ status: 200, body: { status: 'ok' } }));
  });

  it('when the relay shuts down, then clients are told to reconnect, reconnect by themselves, and listeners close', async () => {
    const first = await h.startRelay();
    const user = await h.newUser();
    const chatId = await h.groupChat(user, []);
    const socket = await h.chat(first.relay, user.idToken, { reconnection: true });
    await socket.timeout(5000).emitWithAck('chat:join', { chatId });
    const goodbye = next<ServerGoodbye>(socket, 'server:goodbye');
    const dropped = next<string>(socket, 'disconnect');
    const closing = first.close();
    expect(await goodbye).toMatchObject({ code: 'shutting-down', reconnect: true });
    expect(await dropped).toBe('transport close');
    await closing;
    expect(first.relay.stats()).toMatchObject({ chatFeeds: 0 });
    const second = await h.startRelay({ PORT: String(first.relay.port) });
    await next(socket, 'connect', 5000);
    expect(second.relay.stats().sockets).toBe(1);
  });

  it('when the config is invalid, then parsing fails naming each bad setting', () => {
    expect(() => parseConfig({ APP_ENV: 'staging', PORT: 'eighty' })).toThrow(/APP_ENV: .*; PORT: /);
    expect(() => parseConfig({ APP_ENV: 'production' })).toThrow(
      /CORS_ORIGINS: must list at least one origin/,
    );
    expect(() => parseConfig({ APP_ENV: 'test', REDIS_URL: 'http://nope' })).toThrow(/REDIS_URL/);
    expect(() =>
      parseConfig({ APP_ENV: 'test', PRESENCE_HEARTBEAT_MS: '1000', PRESENCE_PEER_TIMEOUT_MS: '1500' }),
    ).toThrow(/PRESENCE_PEER_TIMEOUT_MS: must be at least twice/);
  });

  it('when the config is logged, then the Redis password is masked', async () => {
    const { createLogs } = await import('../src/logs');
    const entries: Array<Record<string, unknown>> = [];
    createLogs((entry) => entries.push(entry)).configLoaded(
      parseConfig({ APP_ENV: 'test', REDIS_URL: 'redis://:s3cret@10.0.0.3:6379' }),
    );
    expect(JSON.stringify(entries)).not.toContain('s3cret');
    expect(JSON.stringify(entries)).toContain('redis://:***@10.0.0.3:6379');
  });

  it('when the deployed entry point gets SIGTERM, then it says goodbye to its clients and exits 0 within the grace period', async () => {
    const entry = path.join(__dirname, '..', 'dist', 'index.js'); // built by `tsc -b`, as in the image
    const child = spawn(process.execPath, [entry], {
      env: { ...process.env, APP_ENV: 'test', PORT: '0', SHUTDOWN_GRACE_MS: '3000', LOG_LEVEL: 'info' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    h.defer(() => {
      if (child.exitCode === null) child.kill('SIGKILL');
    });
    const lines: Array<Record<string, unknown>> = [];
    const port = await new Promise<number>((resolve) => {
      child.stdout.on('data', (chunk: Buffer) => {
        for (const line of chunk.toString().split('\n').filter(Boolean)) {
          const entry = JSON.parse(line) as Record<string, unknown>;
          lines.push(entry);
          if (typeof entry.port === 'number') resolve(entry.port);
        }
      });
    });
    expect(lines.every((line) => typeof line.severity === 'string')).toBe(true);
    const user = await h.newUser();
    const socket: ChatClient = await h.chat({ url: `http://localhost:${port}` }, user.idToken);
    const goodbye = next<ServerGoodbye>(socket, 'server:goodbye');
    const started = Date.now();
    child.kill('SIGTERM');
    expect(await goodbye).toMatchObject({ code: 'shutting-down', reconnect: true });
    expect(await exited).toBe(0);
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it('when Redis froze with a broadcast unanswered, then close() drops the connection after CLOSE_TIMEOUT_MS instead of waiting forever', async () => {
    // node-redis's close() waits for the reply to every command sent: before the relay bounded it, this
    // close never finished (a loaded run's test teardown hung on it).
    const redis = await startRedis();
    h.defer(() => redis.stop());
    const relay = await h.startRelay({ REDIS_URL: redis.url });
    const [alice, bob] = await Promise.all([h.newUser({ welcome: false }), h.newUser({ welcome: false })]);
    const chatId = await h.groupChat(alice, [bob]);
    const a = await h.chat(relay.relay, alice.idToken);
    await ok(a, 'chat:join', { chatId });
    redis.signal('SIGSTOP');
    await ok(a, 'typing', { chatId, typing: true }); // a publish sent to a Redis that will never answer it

    const started = Date.now();
    const bound = REQUESTS_TIMEOUT_MS + 1000 + CLOSE_TIMEOUT_MS; // presence queries drain, then Redis closes
    let timer: NodeJS.Timeout | undefined;
    const outcome = await Promise.race([
      relay.close().then(() => 'closed'),
      new Promise<string>((resolve) => {
        timer = setTimeout(() => resolve('still closing'), bound + 10_000); // the margin is for a loaded machine
      }),
    ]);
    clearTimeout(timer);
    expect(outcome).toBe('closed');
    process.stdout.write(`Relay closed ${Date.now() - started} ms after close() with Redis frozen\n`);
  });

  it('when closing cannot finish (its Redis froze), then SIGTERM still ends the process at SHUTDOWN_GRACE_MS', async () => {
    // Shorter than the relay's own 2 s wait on Redis requests, so only the cutoff can end it this soon.
    const graceMs = 1000;
    const redis = await startRedis();
    h.defer(() => redis.stop());
    const relay = await startRelayProcess(h, { REDIS_URL: redis.url, SHUTDOWN_GRACE_MS: String(graceMs) });
    const user = await h.newUser();
    await h.chat(relay, user.idToken);
    redis.signal('SIGSTOP'); // connections stay open and nothing answers: the relay's close waits on Redis
    const started = Date.now();
    await relay.signal('SIGTERM');
    const elapsed = Date.now() - started;
    // The cutoff ended it, not a finished close: no completion line, and not before the grace period.
    expect(relay.logs.map((line) => line.message)).toContain('SIGTERM received');
    expect(relay.logs.filter((line) => String(line.message).startsWith('Shut down in'))).toEqual([]);
    expect(elapsed).toBeGreaterThanOrEqual(graceMs - 100);
    // Cloud Run's own kill comes 10 s after SIGTERM: the margin over the grace is for a loaded machine.
    expect(elapsed).toBeLessThan(graceMs + 5000);
    expect(relay.exitCode()).toBe(0);
  });

  it('when Redis goes away after start-up, then the relay keeps serving its own clients from Firestore', async () => {
    // The relay runs as its own process, as deployed: what Redis' absence does inside it (its clients'
    // rejections, a close that cannot finish) stays in its logs and its exit, not in this test's process.
    const redis = await startRedis();
    h.defer(() => redis.stop());
    const relay = await startRelayProcess(h, { REDIS_URL: redis.url });
    const [alice, bob] = await Promise.all([h.newUser(), h.newUser()]);
    const chatId = await h.groupChat(alice, [bob]);
    const a: ChatClient = await h.chat(relay, alice.idToken);
    await a.timeout(10_000).emitWithAck('chat:join', { chatId });
    await redis.stop();
    await eventually(async () => expect((await fetch(`${relay.url}/healthz`)).status).toBe(503));
    // A socket that connects and joins now, and a message that reaches both: Redis is for other instances.
    const b: ChatClient = await h.chat(relay, bob.idToken);
    expect(await b.timeout(10_000).emitWithAck('chat:join', { chatId })).toMatchObject({ ok: true });
    const arrivals = [next<Message>(a, 'message:new'), next<Message>(b, 'message:new')];
    const sent = await h.send(alice, chatId, 'Redis is gone');
    expect((await Promise.all(arrivals)).map((m) => m.id)).toEqual([sent.id, sent.id]);
    expect(relay.exitCode()).toBeNull();
  });

  it('when a promise rejects with no handler, then the relay logs it and keeps serving', async () => {
    const entry = path.join(__dirname, '..', 'dist', 'index.js');
    const stray = path.join(__dirname, 'fixtures', 'stray-rejection.js');
    const child = spawn(process.execPath, ['--require', stray, entry], {
      env: { ...process.env, APP_ENV: 'test', PORT: '0' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    h.defer(() => {
      if (child.exitCode === null) child.kill('SIGKILL');
    });
    const lines: Array<Record<string, unknown>> = [];
    let buffered = '';
    const port = await new Promise<number>((resolve) => {
      child.stdout.on('data', (chunk: Buffer) => {
        buffered += chunk.toString();
        const complete = buffered.split('\n');
        buffered = complete.pop() ?? '';
        for (const line of complete.filter(Boolean)) {
          const entry = JSON.parse(line) as Record<string, unknown>;
          lines.push(entry);
          if (typeof entry.port === 'number') resolve(entry.port);
        }
      });
    });
    await eventually(() =>
      expect(lines).toContainEqual(
        expect.objectContaining({
          severity: 'ERROR',
          message: 'Unhandled rejection',
          error: 'stray rejection from the test',
        }),
      ),
    );
    // Answering after the line was logged is the proof it kept serving (a crash would follow the line).
    expect((await fetch(`http://localhost:${port}/healthz`)).status).toBe(200);
    expect(child.exitCode).toBeNull();
  });

  it('when REDIS_URL points at nothing, then the relay refuses to start instead of hanging', async () => {
    const port = await freePort();
    await expect(h.startRelay({ REDIS_URL: `redis://127.0.0.1:${port}` })).rejects.toThrow(
      /Redis did not answer/,
    );
  });

  it('when a browser origin is listed in CORS_ORIGINS, then the handshake allows it, and no other', async () => {
    const { relay } = await h.startRelay({ CORS_ORIGINS: 'https://chat.example.com' });
    const handshake = (origin: string) =>
      fetch(`${relay.url}/socket.io/?EIO=4&transport=polling`, { headers: { origin } });
    const allowed = await handshake('https://chat.example.com');
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://chat.example.com');
    const other = await handshake('https://evil.example.com');
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });
});
