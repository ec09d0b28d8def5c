/**
 * Writes src/generated/api-types.ts from the current OpenAPI document: `npm run generate -w @chat/client`.
 * With `--stdout` it prints them instead (the drift test compares that with the committed file).
 */
import { writeFileSync } from 'node:fs';
import { apiTypesFile, renderApiTypes } from './render-api-types';

renderApiTypes().then(
  (types) => {
    if (process.argv.includes('--stdout')) {
      process.stdout.write(types);
      return;
    }
    writeFileSync(apiTypesFile, types);
    console.log(`Wrote ${apiTypesFile}`);
  },
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
