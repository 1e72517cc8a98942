import type { Catalog, CatalogCode, Deprecation, Removal } from '../catalog/model.js';
import type { Diagnostic, Location } from '../diagnostics.js';
import type { Language } from '../lang/language.js';
import { toCase } from '../names/case.js';
import { memberName } from '../names/identifier.js';
import { assignNumbers } from './code-number.js';
import { type GrpcStatus, grpcStatus } from './grpc-status.js';
import { reasonPhrase } from './http-status.js';

/**
 * What every template receives. Names, order and escaping are decided here; templates loop and print.
 * Documented in README.md ("The view model"): keep the two in step.
 */
export interface ViewModel {
  /** The catalog path as the header should name it, relative to the project (e.g. `data/errors.yaml`). */
  readonly source: string;
  /** The target's options from the config (package, typeName, …), with defaults applied. */
  readonly options: Readonly<Record<string, unknown>>;
  /** Groups in catalog order. */
  readonly groups: readonly ViewGroup[];
  /** One entry per distinct code string, in order of first appearance: what an enum holds. */
  readonly codes: readonly ViewCode[];
  /** Every catalog row, duplicates included, in catalog order: what a docs table holds. */
  readonly rows: readonly ViewRow[];
  /** Distinct HTTP statuses, ascending, each with the codes that can carry it. */
  readonly statuses: readonly ViewStatus[];
  /** Tombstoned codes: reserved, never emitted as members. */
  readonly removed: readonly ViewRemoved[];
  /** Every alias with the code it stands for, in catalog order (lets a template skip an empty alias table). */
  readonly aliases: readonly ViewAlias[];
}

export interface ViewGroup {
  readonly title: string;
  readonly description: string | undefined;
  /** The source table's column order: field names (code, status, message, solution) and extra column headers. */
  readonly columns: readonly string[];
  readonly rows: readonly ViewRow[];
  /** Distinct codes whose first row is in this group. */
  readonly codes: readonly ViewCode[];
}

export interface ViewRow {
  readonly code: ViewCode;
  readonly status: number;
  readonly message: string;
  readonly solution: string;
  /** Extra column values by header. */
  readonly fields: Readonly<Record<string, string>>;
  /** Whether this is the first row of its code: where docs put the code's anchor. */
  readonly first: boolean;
}

export interface ViewCode {
  /** The wire value, exactly as in the catalog. */
  readonly code: string;
  /** The status of its first row. */
  readonly status: number;
  /** Every status it is listed with, in catalog order, distinct (FAILED_PRECONDITION: [400, 409]). */
  readonly statuses: readonly number[];
  readonly message: string;
  readonly solution: string;
  readonly description: string | undefined;
  readonly group: string;
  readonly deprecated: Deprecation | undefined;
  readonly aliases: readonly string[];
  /** Identifier per language id (`names.go`, `names.java`, …), from the naming engine. */
  readonly names: Readonly<Record<string, string>>;
  /** A link anchor for docs, unique in the page: the code in kebab case (`not-found`), `-2`… on a clash. */
  readonly anchor: string;
  /** The gRPC status it is sent with: the catalog's `grpc`, else the conventional one for `status` (`{ name: 'NOT_FOUND', number: 5 }`). */
  readonly grpc: GrpcStatus;
  /** Its stable number (the catalog's `number`, else derived from the code string): the Protocol Buffers enum value. */
  readonly number: number;
}

export interface ViewStatus {
  readonly status: number;
  readonly reason: string;
  /** 1xx–3xx: not an error. */
  readonly isError: boolean;
  readonly codes: readonly ViewCode[];
  /** Every row listed with this status, in catalog order: a code's message can differ per status. */
  readonly rows: readonly ViewRow[];
}

/** An old spelling that parsing still accepts, and the canonical code it gives. */
export interface ViewAlias {
  readonly alias: string;
  readonly code: ViewCode;
}

export interface ViewRemoved {
  readonly code: string;
  readonly since: string | undefined;
  readonly reason: string | undefined;
  /** The number it had, reserved forever. */
  readonly number: number;
}

export interface ViewModelInput {
  readonly catalog: Catalog;
  readonly source: string;
  readonly options: Readonly<Record<string, unknown>>;
  readonly languages: readonly Language[];
  readonly locate: (group: number, index: number) => Location;
}

/** Builds the view model; identifier problems (no name, collisions) come back as diagnostics. */
export function buildViewModel(input: ViewModelInput): { model: ViewModel; diagnostics: Diagnostic[] } {
  const { numbers, diagnostics } = assignNumbers(input.catalog, input.locate);
  const numberOf = (code: string) => numbers.get(code) ?? 0;
  const codes = new Map<string, { code: ViewCodeDraft; at: Location }>();
  const removed: ViewRemoved[] = [];
  const groups = input.catalog.groups.map((group, g) => {
    const rows: ViewRow[] = [];
    const firsts: ViewCode[] = [];
    group.codes.forEach((entry, i) => {
      if (entry.removed) {
        removed.push({ ...removal(entry.code, entry.removed), number: numberOf(entry.code) });
        return;
      }
      let known = codes.get(entry.code);
      const first = !known;
      if (!known) {
        // Located only if a diagnostic needs it: finding 100,000 YAML nodes costs more than naming them.
        known = { code: draft(entry, group.title, numberOf(entry.code)), get at() { return input.locate(g, i); } };
        codes.set(entry.code, known);
        firsts.push(known.code);
      } else if (!known.code.statuses.includes(entry.status)) {
        known.code.statuses.push(entry.status);
      }
      rows.push({ code: known.code, status: entry.status, message: entry.message, solution: entry.solution, fields: entry.fields ?? {}, first });
    });
    return { title: group.title, description: group.description, columns: group.columns ?? ['code', 'status', 'message', 'solution'], rows, codes: firsts };
  });

  for (const language of input.languages) nameAll(language, [...codes.values()], diagnostics);
  assignAnchors([...codes.values()].map((c) => c.code), input.catalog.groups.map((g) => g.title));
  const all = [...codes.values()].map((c) => c.code);
  const byStatus = new Map<number, ViewCode[]>();
  for (const code of all) {
    for (const s of code.statuses) {
      const list = byStatus.get(s);
      if (list) list.push(code);
      else byStatus.set(s, [code]);
    }
  }
  const statuses = [...byStatus.keys()]
    .sort((a, b) => a - b)
    .map((status) => ({ status, reason: reasonPhrase(status), isError: status >= 400, codes: byStatus.get(status) ?? [], rows: groups.flatMap((g) => g.rows.filter((r) => r.status === status)) }));
  const aliases = all.flatMap((code) => code.aliases.map((alias) => ({ alias, code })));
  return {
    model: { source: input.source, options: input.options, groups, codes: all, rows: groups.flatMap((g) => g.rows), statuses, removed, aliases },
    diagnostics,
  };
}

type ViewCodeDraft = ViewCode & { statuses: number[]; names: Record<string, string>; anchor: string };

function draft(entry: CatalogCode, group: string, number: number): ViewCodeDraft {
  return {
    code: entry.code,
    status: entry.status,
    statuses: [entry.status],
    message: entry.message,
    solution: entry.solution,
    description: entry.description,
    group,
    deprecated: entry.deprecated === true ? {} : entry.deprecated || undefined,
    aliases: entry.aliases ?? [],
    names: { ...(entry.names ?? {}) },
    anchor: '',
    grpc: grpcStatus(entry.grpc, entry.status),
    number,
  };
}

/**
 * Anchors in order of first appearance; a clash with an earlier anchor or a group heading's
 * GitHub slug (`NOT_FOUND` under a heading "Not found") gets `-2`, `-3`….
 */
function assignAnchors(codes: readonly ViewCodeDraft[], groupTitles: readonly string[]): void {
  const taken = new Set(groupTitles.map(headingSlug));
  for (const code of codes) {
    const base = toCase(code.code, 'kebab') || 'code';
    let anchor = base;
    for (let n = 2; taken.has(anchor); n++) anchor = `${base}-${n}`;
    taken.add(anchor);
    code.anchor = anchor;
  }
}

/** The id GitHub gives a heading: lower case, punctuation dropped, spaces as `-`. */
function headingSlug(title: string): string {
  return title
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '')
    .replace(/ /g, '-');
}

function removal(code: string, removed: true | Removal): Omit<ViewRemoved, 'number'> {
  const info = removed === true ? {} : removed;
  return { code, since: info.since, reason: info.reason };
}

/** Gives every code its identifier in one language; two codes with one name is an error naming both. */
function nameAll(language: Language, codes: ReadonlyArray<{ code: ViewCodeDraft; at: Location }>, diagnostics: Diagnostic[]): void {
  const taken = new Map<string, { code: string; at: Location }>();
  for (const known of codes) {
    const code = known.code;
    const name = memberName(code.code, language, code.names[language.id]);
    if (name === undefined) {
      diagnostics.push({
        severity: 'error',
        at: known.at,
        message: `code "${code.code}" has no letters or digits to make a ${language.id} identifier from`,
        hint: `Give it a name under \`names: { ${language.id}: ... }\` in the catalog.`,
      });
      continue;
    }
    const clash = taken.get(name);
    if (clash) {
      diagnostics.push({
        severity: 'error',
        at: known.at,
        related: [clash.at],
        message: `codes "${clash.code}" and "${code.code}" both become the ${language.id} identifier ${name}`,
        hint: `Rename one of the codes, or give one an explicit name under \`names: { ${language.id}: ... }\` in the catalog.`,
      });
      continue;
    }
    taken.set(name, { code: code.code, get at() { return known.at; } });
    code.names[language.id] = name;
  }
}
