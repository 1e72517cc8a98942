/** The catalog as read from YAML: see schemas/catalog.schema.json, which is the contract. */
export interface Catalog {
  /** The languages messages are written in; by default only `en`, the language of `message`. */
  readonly locales?: CatalogLocales;
  readonly groups: readonly CatalogGroup[];
}

export interface CatalogLocales {
  /** The locale of every entry's `message` and `solution` (default `en`). */
  readonly default?: string;
  /** Locales every active code should be translated into (lint: missing-translation). */
  readonly supported?: readonly string[];
  /** Where a locale looks before its own parent tags and the default: `{ zh-HK: zh-TW }`. */
  readonly fallback?: Readonly<Record<string, string>>;
}

/** The type of a message parameter; a placeholder not declared is a string. */
export type ParamType = 'string' | 'integer' | 'number' | 'boolean';

export interface ParamDeclaration {
  readonly type?: ParamType;
  readonly description?: string;
  /** A sample value for docs and OpenAPI examples. */
  readonly example?: string | number | boolean;
}

/** The two texts of an entry that people read, and that translations translate. */
export type TextField = 'message' | 'solution';

/** A translation of an entry's message and solution into one locale. */
export interface Translation {
  readonly message: string;
  /** Falls back along the locale's chain when absent. */
  readonly solution?: string;
  /** `false` marks a translation nobody has checked yet (lint: unreviewed-translation); import writes it when the default text changes. */
  readonly reviewed?: boolean;
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
  /** The placeholders of message and solution, with their types: `{ resource: string }` or `{ limit: { type: integer } }`. */
  readonly params?: Readonly<Record<string, ParamType | ParamDeclaration>>;
  /** Translations by locale tag (`zh-CN`). */
  readonly messages?: Readonly<Record<string, Translation>>;
}

/** The four fields the importer owns; everything else in an entry belongs to the catalog's editors. */
export const importedFields = ['code', 'status', 'message', 'solution'] as const;

/** The column order assumed when a group does not name one. */
export const defaultColumns: readonly string[] = importedFields;
