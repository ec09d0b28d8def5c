/** gRPC status codes that Firestore errors carry in `code`. */
export const FirestoreCode = {
  notFound: 5,
  alreadyExists: 6,
  failedPrecondition: 9,
  aborted: 10,
  unavailable: 14,
  deadlineExceeded: 4,
} as const;

export function isFirestoreError(error: unknown, code: number): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === code;
}
