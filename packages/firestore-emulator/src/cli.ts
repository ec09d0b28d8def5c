#!/usr/bin/env node
/**
 * node dist/cli.js [--host 127.0.0.1] [--port 8080] [--project demo-chat] [--keep-alive-ms 30000]
 *                  [--functions-emulator-host 127.0.0.1:5001] [--quiet]
 *
 * Prints one line with the address once ready (logs go to stderr) and stops cleanly on SIGINT/SIGTERM.
 * Bad flags exit with code 2.
 */
import { parseArgs } from 'util';
import { startEmulator, type EmulatorOptions } from './server';

const USAGE =
  'usage: node-firestore-emulator [--host 127.0.0.1] [--port 8080] [--project <id>] [--keep-alive-ms <ms>] ' +
  '[--functions-emulator-host <host:port>] [--quiet]';

class UsageError extends Error {}

/** Reads and validates the flags once; throws UsageError on anything unexpected. */
export function parseCliOptions(argv: string[]): EmulatorOptions & { quiet: boolean } {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        host: { type: 'string' },
        port: { type: 'string' },
        project: { type: 'string' },
        'keep-alive-ms': { type: 'string' },
        'functions-emulator-host': { type: 'string' },
        quiet: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (err) {
    throw new UsageError(err instanceof Error ? err.message : String(err));
  }
  if (values.help) throw new UsageError('');
  const integer = (flag: string, raw: string | undefined, min: number, max: number): number | undefined => {
    if (raw === undefined) return undefined;
    const n = Number(raw);
    if (!/^\d+$/.test(raw) || n < min || n > max)
      throw new UsageError(`--${flag} must be an integer from ${min} to ${max}, got "${raw}"`);
    return n;
  };
  const functionsHost = values['functions-emulator-host'];
  if (functionsHost !== undefined && !/^[^\s/]+:\d+$/.test(functionsHost)) {
    throw new UsageError(`--functions-emulator-host must be host:port, got "${functionsHost}"`);
  }
  if (values.host === '') throw new UsageError('--host must not be empty');
  if (values.project !== undefined && !/^[a-z0-9-]+$/.test(values.project)) {
    throw new UsageError(
      `--project must be a project id (lowercase letters, digits, dashes), got "${values.project}"`,
    );
  }
  return {
    host: values.host,
    port: integer('port', values.port, 0, 65535),
    projectId: values.project,
    keepAliveMs: integer('keep-alive-ms', values['keep-alive-ms'], 100, 600_000),
    functionsEmulatorHost: functionsHost,
    quiet: values.quiet ?? false,
  };
}

async function main(): Promise<number> {
  let options;
  try {
    options = parseCliOptions(process.argv.slice(2));
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    if (err.message) process.stderr.write(`node-firestore-emulator: ${err.message}\n`);
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  const { quiet, ...emulatorOptions } = options;
  const emulator = await startEmulator({
    ...emulatorOptions,
    log: quiet ? undefined : (line) => process.stderr.write(`[firestore] ${line}\n`),
  });
  process.stdout.write(`Firestore emulator ready on ${emulator.hostAndPort}\n`);
  const signal = await new Promise<NodeJS.Signals>((resolve) => {
    process.once('SIGINT', () => resolve('SIGINT'));
    process.once('SIGTERM', () => resolve('SIGTERM'));
  });
  await emulator.stop();
  process.stderr.write(`[firestore] stopped (${signal})\n`);
  return 0;
}

if (require.main === module) {
  main().then(
    (code) => process.exit(code),
    (err: unknown) => {
      process.stderr.write(`node-firestore-emulator: ${err instanceof Error ? err.message : String(err)}\n`);
      process.exit(1);
    },
  );
}
