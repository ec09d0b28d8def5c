export { createApiClient, type ApiClient, type ApiClientOptions } from './api-client';
export { ApiError, type ApiErrorCode, type FieldIssue } from './api-error';
export type { paths, components, operations } from '../generated/api-types';
