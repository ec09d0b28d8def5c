/** Writes src/generated/api-types.ts from the current OpenAPI document. Run: npm run generate -w @chat/client */
import { writeFileSync } from 'node:fs';
import { apiTypesFile, renderApiTypes } from './render-api-types';

renderApiTypes().then(
  (types) => {
    writeFileSync(apiTypesFile, types);
    console.log(`Wrote ${apiTypesFile}`);
  },
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
