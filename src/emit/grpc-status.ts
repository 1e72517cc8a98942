import type { GrpcStatusName } from '../catalog/model.js';

/**
 * The 17 canonical gRPC status codes (google/rpc/code.proto, grpc/doc/statuscodes.md), by name, with
 * their numbers on the wire. The catalog's `grpc` field takes one of these names.
 */
export const grpcStatuses = {
  OK: 0,
  CANCELLED: 1,
  UNKNOWN: 2,
  INVALID_ARGUMENT: 3,
  DEADLINE_EXCEEDED: 4,
  NOT_FOUND: 5,
  ALREADY_EXISTS: 6,
  PERMISSION_DENIED: 7,
  RESOURCE_EXHAUSTED: 8,
  FAILED_PRECONDITION: 9,
  ABORTED: 10,
  OUT_OF_RANGE: 11,
  UNIMPLEMENTED: 12,
  INTERNAL: 13,
  UNAVAILABLE: 14,
  DATA_LOSS: 15,
  UNAUTHENTICATED: 16,
} as const satisfies Record<GrpcStatusName, number>;

/** A gRPC status as templates see it: `code.grpc.name` (`NOT_FOUND`) and `code.grpc.number` (5). */
export interface GrpcStatus {
  readonly name: GrpcStatusName;
  readonly number: number;
}

/**
 * HTTP statuses with one conventional gRPC status: Google's HTTP → RPC table, the inverse of the
 * "HTTP Mapping" notes in google/rpc/code.proto. Where code.proto maps several codes to one HTTP
 * status, the table picks one: 400 → INVALID_ARGUMENT (not FAILED_PRECONDITION or OUT_OF_RANGE),
 * 409 → ABORTED (not ALREADY_EXISTS), 500 → INTERNAL (not UNKNOWN or DATA_LOSS).
 */
const exact: Readonly<Record<number, GrpcStatusName>> = {
  400: 'INVALID_ARGUMENT',
  401: 'UNAUTHENTICATED',
  403: 'PERMISSION_DENIED',
  404: 'NOT_FOUND',
  409: 'ABORTED',
  416: 'OUT_OF_RANGE',
  429: 'RESOURCE_EXHAUSTED',
  499: 'CANCELLED',
  501: 'UNIMPLEMENTED',
  503: 'UNAVAILABLE',
  504: 'DEADLINE_EXCEEDED',
};

/**
 * The conventional gRPC status for an HTTP status: the table above, then by class — any other 2xx is
 * OK, 4xx FAILED_PRECONDITION, 5xx INTERNAL, and 1xx/3xx UNKNOWN. A catalog entry's `grpc` overrides it.
 */
export function grpcStatusForHttp(status: number): GrpcStatusName {
  const known = exact[status];
  if (known !== undefined) return known;
  if (status >= 200 && status < 300) return 'OK';
  if (status >= 400 && status < 500) return 'FAILED_PRECONDITION';
  if (status >= 500 && status < 600) return 'INTERNAL';
  return 'UNKNOWN';
}

/** A code's gRPC status: the catalog's choice, else the conventional one for its (first) HTTP status. */
export function grpcStatus(override: GrpcStatusName | undefined, httpStatus: number): GrpcStatus {
  return byName[override ?? grpcStatusForHttp(httpStatus)];
}

/** One object per status, shared by the codes sent with it: a view model of 100,000 codes is built in every thread that renders. */
const byName = Object.fromEntries(Object.entries(grpcStatuses).map(([name, number]) => [name, Object.freeze({ name, number })])) as Readonly<Record<GrpcStatusName, GrpcStatus>>;
