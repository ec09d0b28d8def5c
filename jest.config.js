/**
 * One Jest run for every suite. Each workspace package is a project, so `--selectProjects` picks one.
 * Tests are transpiled only (isolatedModules); `npm run typecheck` type-checks them.
 */
const { availableParallelism } = require('node:os');

const ts = {
  '^.+\\.ts$': [
    'ts-jest',
    { tsconfig: { module: 'commonjs', target: 'ES2022', esModuleInterop: true, isolatedModules: true } },
  ],
};
const project = (displayName, rootDir, extra = {}) => ({
  displayName,
  rootDir,
  testEnvironment: 'node',
  transform: ts,
  testMatch: ['<rootDir>/test/**/*.test.ts'],
  ...extra,
});

module.exports = {
  // The suites talk to real emulators, a real Redis and a real browser on a small shared machine: 5 s is
  // Jest's guess for unit tests, not a promise about our latency (speed is measured in bench/, not here).
  // Top level, not per project: jest-circus reads only the global value, so a project's own testTimeout
  // was ignored and tests without jest.setTimeout timed out at 5 s on a loaded machine.
  testTimeout: 30_000,
  // Jest's default is one worker per core but one, so a single worker on a 2-core machine. These suites
  // mostly wait on emulators, Redis and a browser (one worker kept about one core busy), so two files run
  // side by side on any machine.
  maxWorkers: Math.max(2, availableParallelism() - 1),
  // Jest's own report, then where the run's time went (per project, slowest files).
  reporters: ['default', '<rootDir>/scripts/jest-timing-reporter.js'],
  projects: [
    project('core', '<rootDir>/packages/core'),
    project('emulator', '<rootDir>/packages/firestore-emulator', {
      testPathIgnorePatterns: ['/conformance/'],
    }),
    project('conformance', '<rootDir>/packages/firestore-emulator', {
      testMatch: ['<rootDir>/test/conformance/**/*.test.ts'],
      // Starts our emulator when FIRESTORE_EMULATOR_HOST is unset; otherwise tests whatever it points to.
      globalSetup: '<rootDir>/test/conformance/global-setup.ts',
      globalTeardown: '<rootDir>/test/conformance/global-teardown.ts',
    }),
    project('client', '<rootDir>/packages/client'),
    project('functions', '<rootDir>/functions'),
    project('realtime', '<rootDir>/realtime-server', { testPathIgnorePatterns: ['/test/image/'] }),
    // The relay's container image: only when `npm run image:check` has built one and named it.
    ...(process.env.RELAY_IMAGE
      ? [project('image', '<rootDir>/realtime-server', { testMatch: ['<rootDir>/test/image/**/*.test.ts'] })]
      : []),
    // The web app in real Chromium against the stack (needs the built app: npm test builds it).
    project('web', '<rootDir>/web'),
  ],
};
