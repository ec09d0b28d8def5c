import type { AdminCaller, AuthContext } from '@chat/core';

/** The caller of an admin route, with the request id its audit record carries. */
export function adminCaller(input: { caller: AuthContext; requestId: string }): AdminCaller {
  return { auth: input.caller, requestId: input.requestId };
}
