/**
 * The relay's entry point on Cloud Run: read and validate the config, build the relay, and shut it down
 * within the grace period on SIGTERM. Everything else lives in `server.ts`.
 */
import { initializeApp } from 'firebase-admin/app';
import { getAuth } from 'firebase-admin/auth';
import { getFirestore } from 'firebase-admin/firestore';
import { ConfigError, loadConfig } from './config';
import { createLogs, stdoutSink } from './logs';
import { createRelay } from './server';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      stdoutSink('INFO')({ severity: 'CRITICAL', message: error.message });
      process.exit(78); // EX_CONFIG
    }
    throw error;
  }
  const sink = stdoutSink(config.logLevel);
  const logs = createLogs(sink);
  logs.configLoaded(config);

  const app = initializeApp(config.projectId ? { projectId: config.projectId } : undefined);
  const relay = await createRelay({ config, auth: getAuth(app), db: getFirestore(app), log: sink });

  const shutdown = (signal: string) => {
    const started = Date.now();
    // Cloud Run kills the container when the grace period ends; leave before it does.
    setTimeout(() => process.exit(0), config.shutdownGraceMs).unref();
    sink({ severity: 'NOTICE', message: `${signal} received` });
    void relay.close(signal).then(() => {
      logs.shutdownComplete(Date.now() - started);
      process.exit(0);
    });
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
}

main().catch((error: unknown) => {
  process.stdout.write(
    `${JSON.stringify({ severity: 'CRITICAL', message: `Relay failed to start: ${error instanceof Error ? error.message : String(error)}` })}\n`,
  );
  process.exit(1);
});
