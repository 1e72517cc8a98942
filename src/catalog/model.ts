/** The catalog as read from YAML: see schemas/catalog.schema.json, which is the contract. */
export interface Catalog {
  readonly groups: readonly CatalogGroup[];
}

export interface CatalogGroup {
  readonly title: string;
  readonly description?: string;
  readonly columns?: readonly string[];
  readonly codes: readonly CatalogCode[];
}

export interface Deprecation {
  readonly since?: string;
  readonly reason?: string;
  readonly replacement?: string;
}

export interface Removal {
  readonly since?: string;
  readonly reason?: string;
}

/** The 17 canonical gRPC status names (google/rpc/code.proto). */
export type GrpcStatusName =
  | 'OK' | 'CANCELLED' | 'UNKNOWN' | 'INVALID_ARGUMENT' | 'DEADLINE_EXCEEDED' | 'NOT_FOUND' | 'ALREADY_EXISTS' | 'PERMISSION_DENIED'
  | 'RESOURCE_EXHAUSTED' | 'FAILED_PRECONDITION' | 'ABORTED' | 'OUT_OF_RANGE' | 'UNIMPLEMENTED' | 'INTERNAL' | 'UNAVAILABLE'
  | 'DATA_LOSS' | 'UNAUTHENTICATED';

export interface CatalogCode {
  readonly code: string;
  readonly status: number;
  readonly message: string;
  readonly solution: string;
  readonly description?: string;
  readonly deprecated?: boolean | Deprecation;
  readonly removed?: boolean | Removal;
  readonly aliases?: readonly string[];
  readonly names?: Readonly<Record<string, string>>;
  /** The gRPC status to send the code with; by default the conventional one for its HTTP status. */
  readonly grpc?: GrpcStatusName;
  /** A stable number for the code, e.g. its Protocol Buffers enum value; by default derived from the code string. */
  readonly number?: number;
  readonly fields?: Readonly<Record<string, string>>;
}

/** The four fields the importer owns; everything else in an entry belongs to the catalog's editors. */
export const importedFields = ['code', 'status', 'message', 'solution'] as const;

/** The column order assumed when a group does not name one. */
export const defaultColumns: readonly string[] = importedFields;
