import createClient, { type Client, type Middleware } from 'openapi-fetch';
import type { paths } from '../generated/api-types';
import { ApiError } from './api-error';

/** The typed REST client: `api.GET('/chats/{chatId}', { params: { path: { chatId } } })`. */
export type ApiClient = Client<paths>;

export interface ApiClientOptions {
  /** The API's base URL, e.g. `https://…/api` or the Functions emulator's `http://127.0.0.1:5001/<project>/us-central1/api`. */
  baseUrl: string;
  /**
   * The caller's Firebase ID token, asked for on every request so Firebase Auth's refresh is used
   * (`() => auth.currentUser?.getIdToken() ?? null`). Null or undefined sends no `Authorization` header.
   */
  getIdToken?: () => Promise<string | null | undefined> | string | null | undefined;
  /** The fetch to use. @default globalThis.fetch */
  fetch?: (input: Request) => Promise<Response>;
  /** Headers sent with every request. */
  headers?: Record<string, string>;
}

/**
 * A client for every route of the API, typed from its OpenAPI document. Each request carries
 * `Authorization: Bearer <token>`; any answer outside 2xx is thrown as an `ApiError`, so a resolved call
 * always holds `data` (undefined only for 204).
 */
export function createApiClient(options: ApiClientOptions): ApiClient {
  const client = createClient<paths>({
    baseUrl: options.baseUrl.replace(/\/$/, ''),
    ...(options.fetch ? { fetch: options.fetch } : {}),
    ...(options.headers ? { headers: options.headers } : {}),
  });
  client.use(authAndErrors(options.getIdToken));
  return client;
}

function authAndErrors(getIdToken: ApiClientOptions['getIdToken']): Middleware {
  return {
    async onRequest({ request }) {
      const token = await getIdToken?.();
      if (token) request.headers.set('Authorization', `Bearer ${token}`);
      return request;
    },
    async onResponse({ response }) {
      if (!response.ok) throw await ApiError.fromResponse(response);
      return response;
    },
  };
}
