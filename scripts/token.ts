/**
 * Print a fresh ID token for a demo user of the running local stack:
 *   npm run token -- alice          (STACK_PORT_OFFSET=100 for the stack `npm test` runs)
 */
import path from 'node:path';
import { DEMO_USERS } from './lib/demo-data';
import { DEMO_PASSWORD, signIn } from './lib/auth-emulator';
import { hostPort, stackPorts } from './lib/stack-ports';

async function main(): Promise<void> {
  const name = process.argv[2] ?? 'alice';
  const user = DEMO_USERS.find((candidate) => candidate.uid === name);
  if (!user) {
    console.error(`Unknown demo user "${name}". Pick one of: ${DEMO_USERS.map((u) => u.uid).join(', ')}.`);
    process.exit(2);
  }
  // The stack's Auth emulator, shifted like every port when STACK_PORT_OFFSET is set.
  const offset = Number(process.env.STACK_PORT_OFFSET ?? 0);
  process.env.FIREBASE_AUTH_EMULATOR_HOST ??= hostPort(
    stackPorts(path.resolve(__dirname, '..'), offset).auth,
  );
  console.log(await signIn(user.email, DEMO_PASSWORD));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
