/**
 * The relay's container image, built from realtime-server/Dockerfile by a real engine and run as Cloud Run
 * runs it: production profile, its own CMD, PORT from the environment, SIGTERM to stop. Run by
 * `npm run image:check` (scripts/image-check.sh), which builds the image and sets RELAY_IMAGE; `npm test`
 * leaves this project out unless RELAY_IMAGE is set.
 */
import type { Message, ServerGoodbye } from '@chat/core';
import { freePort } from '../../../scripts/lib/redis';
import { Harness, collect, eventually, next, ok, requireEnv } from '../support';
import { startImage, type Engine, type ImageProcess } from './image-process';

const IMAGE = requireEnv('RELAY_IMAGE');
const ENGINE = requireEnv('RELAY_IMAGE_ENGINE') as Engine;

// Users whose welcome notification must arrive, an image that starts in a chroot: slow on a busy machine.
jest.setTimeout(180_000);

describe(`the relay image (${IMAGE}, run by ${ENGINE})`, () => {
  let h: Harness;
  let relay: ImageProcess | undefined;
  beforeEach(() => {
    h = new Harness();
  });
  afterEach(async () => {
    await relay?.kill();
    await h.cleanup();
  });

  it('when run with production settings, then it serves /healthz, relays a message, and drains on SIGTERM with exit 0', async () => {
    relay = await startImage(ENGINE, IMAGE, await freePort(), {
      APP_ENV: 'production',
      GCLOUD_PROJECT: requireEnv('GCLOUD_PROJECT'),
      FIRESTORE_EMULATOR_HOST: requireEnv('FIRESTORE_EMULATOR_HOST'),
      FIREBASE_AUTH_EMULATOR_HOST: requireEnv('FIREBASE_AUTH_EMULATOR_HOST'),
      CORS_ORIGINS: 'https://chat.example.com',
      SHUTDOWN_GRACE_MS: '3000',
      METADATA_SERVER_DETECTION: 'none',
    });
    console.log(`Relay image served /healthz ${relay.startMs} ms after the engine was started`);
    const health = await fetch(`${relay.url}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: 'ok' });
    expect(relay.logs).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          message: 'Relay configuration loaded',
          config: expect.objectContaining({ env: 'production' }),
        }),
      ]),
    );

    const [alice, bob] = await Promise.all([h.newUser(), h.newUser()]);
    const chatId = await h.groupChat(alice, [bob]);
    const [a, b] = await Promise.all([h.chat(relay, alice.idToken), h.chat(relay, bob.idToken)]);
    await ok(a, 'chat:join', { chatId });
    await ok(b, 'chat:join', { chatId });
    const atBob = collect<Message>(b, 'message:new');
    const sent = await ok<Message>(a, 'message:send', {
      chatId,
      text: 'through the image',
      clientMessageId: 'img-1',
    });
    await eventually(() => expect(atBob.map((message) => message.id)).toEqual([sent.id]));
    expect(atBob[0]).toMatchObject({ text: 'through the image', senderId: alice.uid });

    const goodbye = next<ServerGoodbye>(b, 'server:goodbye');
    const stopped = await relay.terminate();
    console.log(`Relay image exited ${stopped.ms} ms after SIGTERM`);
    expect(await goodbye).toMatchObject({ code: 'shutting-down', reconnect: true });
    expect(stopped.code).toBe(0);
    expect(relay.logs.map((entry) => String(entry.message))).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^SIGTERM: shutting down/),
        expect.stringMatching(/^Shut down in \d+ ms/),
      ]),
    );
  });
});
