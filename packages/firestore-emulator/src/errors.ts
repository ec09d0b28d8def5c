import * as grpc from '@grpc/grpc-js';

/** An error that becomes a gRPC status when it reaches a handler's boundary. */
export class GrpcError extends Error {
  constructor(
    public code: grpc.status,
    message: string,
  ) {
    super(message);
    this.name = 'GrpcError';
  }
}

export const invalidArgument = (message: string): GrpcError =>
  new GrpcError(grpc.status.INVALID_ARGUMENT, message);
export const notFound = (message: string): GrpcError => new GrpcError(grpc.status.NOT_FOUND, message);
export const alreadyExists = (message: string): GrpcError =>
  new GrpcError(grpc.status.ALREADY_EXISTS, message);
export const failedPrecondition = (message: string): GrpcError =>
  new GrpcError(grpc.status.FAILED_PRECONDITION, message);
export const aborted = (message: string): GrpcError => new GrpcError(grpc.status.ABORTED, message);
export const unimplemented = (message: string): GrpcError =>
  new GrpcError(grpc.status.UNIMPLEMENTED, message);

/** Maps anything thrown to a status a gRPC call can end with; unexpected errors become INTERNAL. */
export function toStatusObject(err: unknown): {
  code: grpc.status;
  details: string;
  metadata: grpc.Metadata;
} {
  if (err instanceof GrpcError)
    return { code: err.code, details: err.message, metadata: new grpc.Metadata() };
  const message = err instanceof Error ? err.message : String(err);
  return {
    code: grpc.status.INTERNAL,
    details: `internal emulator error: ${message}`,
    metadata: new grpc.Metadata(),
  };
}
