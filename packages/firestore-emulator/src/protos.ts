import * as path from 'path';
import * as grpc from '@grpc/grpc-js';
import * as protoLoader from '@grpc/proto-loader';
import type { ProtoGrpcType } from './generated/firestore';

/**
 * The Firestore v1 protos ship with @google-cloud/firestore, so the emulator always speaks the same
 * schema as the SDK that talks to it.
 *
 * Types in src/generated come from (run in packages/firestore-emulator):
 *   npx proto-loader-gen-types --longs=String --enums=String --oneofs --grpcLib=@grpc/grpc-js \
 *     -I ../../node_modules/@google-cloud/firestore/build/protos -O src/generated google/firestore/v1/firestore.proto
 */
export const protosDir = path.join(
  path.dirname(require.resolve('@google-cloud/firestore/package.json')),
  'build',
  'protos',
);

/** The loader options the generated types assume; keep the two in step. */
export const loaderOptions: protoLoader.Options = {
  keepCase: false,
  longs: String,
  enums: String,
  defaults: false,
  oneofs: true,
  includeDirs: [protosDir],
};

const packageDefinition = protoLoader.loadSync('google/firestore/v1/firestore.proto', loaderOptions);

/** The whole loaded package (google.firestore.v1, google.protobuf, google.rpc, ...). */
export const protoPackage: grpc.GrpcObject = grpc.loadPackageDefinition(packageDefinition);

/** Typed view of {@link protoPackage}. */
export const typedProtoPackage = protoPackage as unknown as ProtoGrpcType;

/** The google.firestore.v1.Firestore service definition. */
export const firestoreService: grpc.ServiceDefinition =
  typedProtoPackage.google.firestore.v1.Firestore.service;
