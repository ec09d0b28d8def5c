/**
 * Child process of bench/firestore-emulator.ts: runs our Firestore emulator on a free loopback port and
 * nothing else, so its memory figures are the emulator's alone.
 *
 *   parent → { type: 'memory', id }  child → { type: 'memory', id, report }
 *   parent → { type: 'stop' }        child stops the emulator and exits
 */
import { startEmulator } from '@chat/firestore-emulator';
import { MemoryProbe, answerMemoryRequests } from './process-memory';

async function main(): Promise<void> {
  const probe = new MemoryProbe();
  const emulator = await startEmulator({ host: '127.0.0.1', port: 0, projectId: 'demo-bench' });
  answerMemoryRequests(probe);
  process.on('message', (message: { type?: string }) => {
    if (message.type !== 'stop') return;
    void emulator.stop().then(() => {
      probe.close();
      process.exit(0);
    });
  });
  process.on('disconnect', () => process.exit(0));
  process.send?.({ type: 'ready', hostAndPort: emulator.hostAndPort });
}

main().catch((err: unknown) => {
  process.stderr.write(`emulator child failed: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
