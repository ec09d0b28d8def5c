/**
 * Print a fresh ID token for a demo user of the running local stack:
 *   npm run token -- alice
 */
import { DEMO_USERS } from './lib/demo-data';
import { DEMO_PASSWORD, signIn } from './lib/auth-emulator';

async function main(): Promise<void> {
  const name = process.argv[2] ?? 'alice';
  const user = DEMO_USERS.find((candidate) => candidate.uid === name);
  if (!user) {
    console.error(`Unknown demo user "${name}". Pick one of: ${DEMO_USERS.map((u) => u.uid).join(', ')}.`);
    process.exit(2);
  }
  process.env.FIREBASE_AUTH_EMULATOR_HOST ??= '127.0.0.1:9099';
  console.log(await signIn(user.email, DEMO_PASSWORD));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
