import { parseCatalog } from '../../src/catalog/read.js';

/**
 * The gRPC status each live code must report, read from the catalog independently of the view model:
 * the catalog's `grpc`, else this table — written out here, not imported, so a change to
 * src/emit/grpc-status.ts must be made twice.
 */
const conventional: Readonly<Record<number, string>> = {
  200: 'OK', 400: 'INVALID_ARGUMENT', 401: 'UNAUTHENTICATED', 403: 'PERMISSION_DENIED', 404: 'NOT_FOUND', 409: 'ABORTED',
  416: 'OUT_OF_RANGE', 422: 'FAILED_PRECONDITION', 429: 'RESOURCE_EXHAUSTED', 499: 'CANCELLED', 500: 'INTERNAL',
  501: 'UNIMPLEMENTED', 502: 'INTERNAL', 503: 'UNAVAILABLE', 504: 'DEADLINE_EXCEEDED',
};

export const grpcNumbers: Readonly<Record<string, number>> = {
  OK: 0, CANCELLED: 1, UNKNOWN: 2, INVALID_ARGUMENT: 3, DEADLINE_EXCEEDED: 4, NOT_FOUND: 5, ALREADY_EXISTS: 6,
  PERMISSION_DENIED: 7, RESOURCE_EXHAUSTED: 8, FAILED_PRECONDITION: 9, ABORTED: 10, OUT_OF_RANGE: 11, UNIMPLEMENTED: 12,
  INTERNAL: 13, UNAVAILABLE: 14, DATA_LOSS: 15, UNAUTHENTICATED: 16,
};

/** Statuses the table lacks, by class: other 2xx OK, 4xx FAILED_PRECONDITION, 5xx INTERNAL, else UNKNOWN. */
function byClass(status: number): string {
  if (status >= 200 && status < 300) return 'OK';
  if (status >= 400 && status < 500) return 'FAILED_PRECONDITION';
  if (status >= 500 && status < 600) return 'INTERNAL';
  return 'UNKNOWN';
}

/** code → gRPC status name, for every live code (first listing wins). */
export async function expectedGrpc(catalogText: string): Promise<Map<string, string>> {
  const { value } = await parseCatalog(catalogText, 'errors.yaml');
  const out = new Map<string, string>();
  for (const entry of value.groups.flatMap((g) => g.codes)) {
    if (entry.removed || out.has(entry.code)) continue;
    out.set(entry.code, entry.grpc ?? conventional[entry.status] ?? byClass(entry.status));
  }
  return out;
}

/** Codes the harness's evolved catalog lacks: a gRPC override, and an explicit stable number. */
export const grpcExtras = `      - code: ALREADY_THERE
        status: 409
        message: Already exists
        solution: Use the existing one
        grpc: ALREADY_EXISTS
        number: 7
`;
