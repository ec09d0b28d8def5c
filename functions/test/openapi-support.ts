/**
 * Reading the OpenAPI document in tests: the routes Express actually serves, and a validator of real
 * responses against the document's response schemas (JSON Schema 2020-12, with ajv).
 */
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import type { Express } from 'express';
import type { Response } from 'supertest';
import type { HttpMethod } from '../src/http/route';
import { toOpenApiPath, type OpenApiDocument } from '../src/openapi';

interface Layer {
  route?: { path: string | string[]; methods: Record<string, boolean> };
  handle?: { stack?: Layer[] };
  slash?: boolean;
}

/** Every `METHOD /path` the app's router serves, found by walking Express' router stack. */
export function expressRoutes(app: Express): string[] {
  const found: string[] = [];
  const walk = (stack: Layer[], mountedAtRoot: boolean) => {
    for (const layer of stack) {
      if (layer.route) {
        if (!mountedAtRoot)
          throw new Error(`A route under a mount path: ${String(layer.route.path)}; teach the walk.`);
        const paths = Array.isArray(layer.route.path) ? layer.route.path : [layer.route.path];
        for (const method of Object.keys(layer.route.methods).filter((m) => m !== '_all')) {
          for (const path of paths) found.push(`${method.toUpperCase()} ${path}`);
        }
      } else if (layer.handle?.stack) {
        walk(layer.handle.stack, mountedAtRoot && layer.slash === true);
      }
    }
  };
  walk((app as unknown as { router: { stack: Layer[] } }).router.stack, true);
  return found;
}

export interface ResponseValidator {
  /** Validates `res` against the document's entry for this route and status; throws with the errors. */
  check(method: HttpMethod, expressPath: string, res: Response): void;
  /** `METHOD /path status` of every response checked so far. */
  checked: Set<string>;
}

export function responseValidator(document: OpenApiDocument): ResponseValidator {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  const base = 'https://chat.test/openapi.json';
  ajv.addSchema({ ...document, $id: base });
  const checked = new Set<string>();
  return {
    checked,
    check(method, expressPath, res) {
      const path = toOpenApiPath(expressPath);
      const operation = document.paths[path]?.[method] as
        | { responses: Record<string, { content?: Record<string, { schema: { $ref?: string } }> }> }
        | undefined;
      if (!operation) throw new Error(`${method.toUpperCase()} ${path} is not in the document.`);
      const answer = operation.responses[String(res.status)];
      if (!answer) {
        throw new Error(
          `${method.toUpperCase()} ${path} answered ${res.status}, which the document does not list: ${JSON.stringify(res.body)}`,
        );
      }
      const json = answer.content?.['application/json'];
      if (!answer.content) {
        expect(res.text ?? '').toBe('');
      } else if (json) {
        expect(res.headers['content-type']).toMatch(/^application\/json/);
        const schema = json.schema.$ref
          ? { $ref: `${base}${json.schema.$ref}` }
          : {
              $ref: `${base}#/paths/${encodePointer(path)}/${method}/responses/${res.status}/content/application~1json/schema`,
            };
        if (!ajv.validate(schema, res.body)) {
          throw new Error(
            `${method.toUpperCase()} ${path} ${res.status} does not match the document: ` +
              `${ajv.errorsText(ajv.errors)}\n${JSON.stringify(res.body, null, 2)}`,
          );
        }
      }
      checked.add(`${method.toUpperCase()} ${expressPath} ${res.status}`);
    },
  };
}

function encodePointer(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1').replace(/{/g, '%7B').replace(/}/g, '%7D');
}
