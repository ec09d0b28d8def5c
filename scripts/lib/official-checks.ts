/**
 * The checks that need Google's Firestore emulator: the conformance suite (its expectations are what the
 * official emulator does) and the security-rules tests (ours does not evaluate rules). They run against an
 * official emulator installed on this machine, started here on a free port; where there is none, or no
 * Java 21+, they are skipped and the reason is printed.
 */
import { spawn } from 'node:child_process';
import { findOfficialFirestore, freePort, startOfficialFirestore } from './official-firestore';

/** The Jest selection of the official checks: the conformance project and the rules tests. */
export const OFFICIAL_CHECKS_JEST_ARGS = [
  '--selectProjects',
  'conformance',
  'functions',
  '--testPathPatterns',
  '(packages/firestore-emulator/test/conformance|functions/test/rules)/',
];

export interface OfficialChecksOptions {
  root: string;
  say: (line: string) => void;
  /** Extra Jest arguments (narrow the run further, e.g. a path pattern). */
  jestArgs?: string[];
  /** Fail instead of skipping when the official emulator cannot run here. */
  required?: boolean;
}

/** Runs the official checks; resolves with Jest's exit code (0 when skipped). */
export async function runOfficialChecks(options: OfficialChecksOptions): Promise<number> {
  const { root, say, jestArgs = [], required = false } = options;
  const lookup = findOfficialFirestore();
  if (!lookup.found) {
    say(`Official Firestore emulator checks SKIPPED: ${lookup.why}.`);
    return required ? 1 : 0;
  }
  const { install } = lookup;
  say(`Official Firestore emulator: ${install.jar} on Java ${install.javaVersion} (${install.java}).`);
  const host = '127.0.0.1';
  const emulator = await startOfficialFirestore(install, {
    host,
    port: await freePort(host),
    log: (line) => {
      // The JVM's warnings about its own internals are noise; errors and the start-up lines are kept.
      if (!line.startsWith('WARNING:')) say(`[official-firestore] ${line}`);
    },
  });
  say(`Official Firestore emulator on ${emulator.hostAndPort}: conformance suite and rules tests.`);
  try {
    const jest = spawn(
      process.execPath,
      // --forceExit: a request the official emulator refuses as too large is retried by the SDK for minutes
      // after its test has ended; that must not hold the run open.
      [require.resolve('jest/bin/jest'), ...OFFICIAL_CHECKS_JEST_ARGS, '--forceExit', ...jestArgs],
      {
        cwd: root,
        stdio: 'inherit',
        env: {
          ...process.env,
          FIRESTORE_EMULATOR_HOST: emulator.hostAndPort,
          // Tells the suites which emulator they face: rules tests run, known official deviations are skipped.
          FIRESTORE_EMULATOR_KIND: 'official',
          METADATA_SERVER_DETECTION: process.env.METADATA_SERVER_DETECTION ?? 'none',
        },
      },
    );
    return await new Promise<number>((resolve) => jest.once('exit', (code) => resolve(code ?? 1)));
  } finally {
    await emulator.stop();
  }
}
