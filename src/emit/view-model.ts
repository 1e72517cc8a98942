import type { Catalog, CatalogCode, Removal } from '../catalog/model.js';
import type { Diagnostic, Location } from '../diagnostics.js';
import type { Language } from '../lang/language.js';
import { isCanonicalUpperSnake, toCase } from '../names/case.js';
import { badOverrideReport, type CodeIdentifiers, codeIdentifiers, collisionReport, namedCodes } from '../names/code-identifiers.js';
import { derivedIdentifier } from '../names/identifier.js';
import { assignNumbers } from './code-number.js';
import { type GrpcStatus, grpcStatus } from './grpc-status.js';
import { reasonPhrase } from './http-status.js';
import { type ViewLocale, type ViewLocalized, type ViewParam, type ViewTemplate, viewLocales, viewLocalized, viewParams, viewTemplate } from './view-messages.js';
import { defaultLocale } from '../messages/locales.js';

export type { ViewLocale, ViewLocalized, ViewParam, ViewPart, ViewTemplate } from './view-messages.js';

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
  /** The locale of every code's `message` and `solution` (`en` unless the catalog says otherwise). */
  readonly defaultLocale: string;
  /** Every locale the generated code knows, the default first; each code has its texts in all of them under `localized`. */
  readonly locales: readonly ViewLocale[];
  /** Whether any code's message or solution has a placeholder: lets a template leave out formatting helpers. */
  readonly hasParams: boolean;
  /** Whether there is a locale besides the default. */
  readonly hasTranslations: boolean;
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
  /**
   * Every row that lists it, in catalog order: one unless it is listed more than once, each with
   * its own status and texts. Without `code`, so that the model has no cycle (`{{json this}}`).
   */
  readonly rows: readonly ViewListing[];
  readonly message: string;
  readonly solution: string;
  readonly description: string | undefined;
  readonly group: string;
  /** Whether it is deprecated, and why: each field there, undefined when the catalog does not give it. */
  readonly deprecated: ViewDeprecation | undefined;
  readonly aliases: readonly string[];
  /**
   * Identifier per language id (`names.go`, `names.java`, …), from the naming engine; a key of the
   * catalog's `names` that is no language's (`names.kotlin`) is here for every code, undefined where
   * the catalog gives none.
   */
  readonly names: Readonly<Record<string, string | undefined>>;
  /** A link anchor for docs, unique in the page: the code in kebab case (`not-found`), `-2`… on a clash. */
  readonly anchor: string;
  /** The gRPC status it is sent with: the catalog's `grpc`, else the conventional one for `status` (`{ name: 'NOT_FOUND', number: 5 }`). */
  readonly grpc: GrpcStatus;
  /** Its stable number (the catalog's `number`, else derived from the code string): the Protocol Buffers enum value. */
  readonly number: number;
  /** The parameters its message and solution take: declared ones first, then undeclared placeholders (strings). */
  readonly params: readonly ViewParam[];
  readonly hasParams: boolean;
  /** `message` as a template in parts, in the default locale. */
  readonly messageTemplate: ViewTemplate;
  readonly solutionTemplate: ViewTemplate;
  /** Its texts in every known locale, in the order of the model's `locales`. */
  readonly localized: readonly ViewLocalized[];
}

/** A row of a code, seen from the code: where and how it is listed. */
export interface ViewListing {
  readonly status: number;
  readonly message: string;
  readonly solution: string;
  readonly fields: Readonly<Record<string, string>>;
  /** The title of the group it is listed in. */
  readonly group: string;
}

export interface ViewDeprecation {
  readonly since: string | undefined;
  readonly reason: string | undefined;
  readonly replacement: string | undefined;
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
  /** The type name (`typeName` option) each language's built-in target declares, by language id: no member may take it where they share a scope. */
  readonly typeNames?: ReadonlyMap<string, ReadonlySet<string>>;
}

/** Builds the view model; identifier problems (no name, collisions) come back as diagnostics. */
export function buildViewModel(input: ViewModelInput): { model: ViewModel; diagnostics: Diagnostic[] } {
  const { numbers, diagnostics } = assignNumbers(input.catalog, input.locate);
  const numberOf = (code: string) => numbers.get(code) ?? 0;
  const locales = viewLocales(input.catalog);
  const base = defaultLocale(input.catalog);
  const texts = (entry: CatalogCode) => messageViews(entry, input.languages, locales, base);
  const codes = new Map<string, { code: ViewCodeDraft; at: () => Location }>();
  // The keys of the catalog's `names:` overrides: a language's, or one for a template of yours.
  const nameKeys = new Set<string>();
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
        if (entry.names) for (const key of Object.keys(entry.names)) nameKeys.add(key);
        // Located only if a diagnostic needs it: finding 100,000 YAML nodes costs more than naming them.
        known = { code: draft(entry, group.title, numberOf(entry.code), texts), at: () => input.locate(g, i) };
        codes.set(entry.code, known);
        firsts.push(known.code);
      } else if (!known.code.statuses.includes(entry.status)) {
        known.code.statuses.push(entry.status);
      }
      const fields = entry.fields ?? noFields;
      rows.push({ code: known.code, status: entry.status, message: entry.message, solution: entry.solution, fields, first });
      known.code.rows.push({ status: entry.status, message: entry.message, solution: entry.solution, fields, group: group.title });
    });
    return { title: group.title, description: group.description, columns: group.columns ?? ['code', 'status', 'message', 'solution'], rows, codes: firsts };
  });

  const drafts = [...codes.values()];
  // The view model's codes are the catalog's first live entries, in order: the ones named there.
  const named = namedCodes(input.catalog);
  if (named.length !== drafts.length || named.some((entry, i) => entry.code !== drafts[i]?.code.code)) throw new Error('internal: the view model and the catalog disagree on its codes');
  for (const language of input.languages) nameAll(codeIdentifiers(input.catalog, language), language, drafts, diagnostics, language.membersBesideType ? input.typeNames?.get(language.id) : undefined);
  for (const known of drafts) checkParamNames(known.code, known.at, diagnostics);
  for (const language of input.languages) if (language.formatters) checkFormatterNames(language, language.formatters, drafts, diagnostics);
  const proto = input.languages.find((language) => language.id === 'proto');
  if (proto) checkProtoReservedNames(proto, drafts, removed, diagnostics);
  const all = drafts.map((c) => c.code);
  everyNameKey(all, nameKeys, input.languages);
  assignAnchors(all, input.catalog.groups.map((g) => g.title));
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
    model: {
      source: input.source,
      options: input.options,
      groups,
      codes: all,
      rows: groups.flatMap((g) => g.rows),
      statuses,
      removed,
      aliases,
      defaultLocale: base,
      locales,
      hasParams: all.some((code) => code.hasParams),
      hasTranslations: locales.length > 1,
    },
    diagnostics,
  };
}

// Shared by the rows and codes that have none (most): a view model of 100,000 codes is built in every thread that renders.
const noFields: Readonly<Record<string, string>> = Object.freeze({});
const noAliases: readonly string[] = Object.freeze([]);

type ViewCodeDraft = ViewCode & { statuses: number[]; rows: ViewListing[]; names: Record<string, string | undefined>; anchor: string };

type MessageViews = Pick<ViewCode, 'params' | 'hasParams' | 'messageTemplate' | 'solutionTemplate' | 'localized'>;

function messageViews(entry: CatalogCode, languages: readonly Language[], locales: readonly ViewLocale[], base: string): MessageViews {
  const params = viewParams(entry, languages);
  const localized = viewLocalized(entry, params, locales, base);
  return {
    params,
    hasParams: params.length > 0,
    messageTemplate: localized[0]?.message ?? viewTemplate(entry.message, params),
    solutionTemplate: localized[0]?.solution ?? viewTemplate(entry.solution, params),
    localized,
  };
}

function draft(entry: CatalogCode, group: string, number: number, texts: (entry: CatalogCode) => MessageViews): ViewCodeDraft {
  return {
    code: entry.code,
    status: entry.status,
    statuses: [entry.status],
    rows: [],
    message: entry.message,
    solution: entry.solution,
    description: entry.description,
    group,
    deprecated: deprecation(entry.deprecated),
    aliases: entry.aliases ?? noAliases,
    names: { ...(entry.names ?? {}) },
    anchor: '',
    grpc: grpcStatus(entry.grpc, entry.status),
    number,
    ...texts(entry),
  };
}

/**
 * A `names` key that is no language's (`kotlin`, for a template of yours) is on every code's
 * `names`, undefined where the catalog gives none: `{{#if names.kotlin}}` then reads it for every
 * code under strict arguments, where a key some codes lack would fail the template.
 */
function everyNameKey(codes: readonly ViewCodeDraft[], keys: ReadonlySet<string>, languages: readonly Language[]): void {
  const own = [...keys].filter((key) => !languages.some((language) => language.id === key));
  if (own.length === 0) return;
  for (const code of codes) for (const key of own) if (!Object.hasOwn(code.names, key)) code.names[key] = undefined;
}

/**
 * Anchors in order of first appearance; a clash with an earlier anchor or a group heading's
 * GitHub slug (`NOT_FOUND` under a heading "Not found") gets `-2`, `-3`….
 */
function assignAnchors(codes: readonly ViewCodeDraft[], groupTitles: readonly string[]): void {
  const taken = new Set(groupTitles.map(headingSlug));
  // Distinct codes in canonical UPPER_SNAKE_CASE (most catalogs' all) have distinct kebab-case
  // anchors, so only a heading's slug can clash with one: then no set of 100,000 anchors is needed.
  const kebab = codes.map((code) => (isCanonicalUpperSnake(code.code) ? code.code.toLowerCase().replaceAll('_', '-') : undefined));
  if (kebab.every((anchor) => anchor !== undefined && !taken.has(anchor))) {
    codes.forEach((code, i) => (code.anchor = kebab[i] as string));
    return;
  }
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

/** Every field of a deprecation, so that a template may test one that is not given (`{{#if since}}`) under strict arguments. */
function deprecation(deprecated: CatalogCode['deprecated']): ViewDeprecation | undefined {
  if (!deprecated) return undefined;
  const given = deprecated === true ? {} : deprecated;
  // The catalog's fields in its order (what {{json deprecated}} prints), then the ones it leaves out.
  return { ...given, since: given.since, reason: given.reason, replacement: given.replacement };
}

function removal(code: string, removed: true | Removal): Omit<ViewRemoved, 'number'> {
  const info = removed === true ? {} : removed;
  return { code, since: info.since, reason: info.reason };
}

/** Two placeholders that one language would name alike (`{a_b}`, `{aB}`) would make code that does not compile. */
function checkParamNames(code: ViewCode, at: () => Location, diagnostics: Diagnostic[]): void {
  if (code.params.length < 2) return;
  // TypeScript keeps the catalog's names as object keys and Protocol Buffers has no formatters.
  for (const language of Object.keys(code.params[0]?.names ?? {}).filter((id) => id !== 'ts' && id !== 'proto')) {
    const seen = new Map<string, string>();
    for (const param of code.params) {
      const name = param.names[language] as string;
      const other = seen.get(name);
      if (other === undefined) {
        seen.set(name, param.name);
        continue;
      }
      diagnostics.push({
        severity: 'error',
        at: at(),
        rule: 'identifier-collision',
        message: `${code.code}: placeholders {${other}} and {${param.name}} both become the ${language} parameter ${name}`,
        hint: 'Rename one of the placeholders in the message, solution and translations.',
      });
      return;
    }
  }
}

/**
 * A language's formatter functions are named after the member (Java's `NOT_FOUND` → `notFoundMessage`,
 * Python's `not_found_message`, Go's `MessageNotFound`): members that differ only in underscores or
 * case (`A_B1`, `A_B_1`; an override `NotFound` beside `NOT_FOUND`) would share them, and Go's share
 * the constants' scope, where a constant may have one's name.
 */
function checkFormatterNames(language: Language, formatters: NonNullable<Language['formatters']>, codes: ReadonlyArray<{ code: ViewCode; at: () => Location }>, diagnostics: Diagnostic[]): void {
  const distinct = formatters.distinctWhen;
  if (distinct && codes.every((known) => { const name = known.code.names[language.id]; return name === undefined || distinct.test(name); })) return;
  // By index into `codes`: one number per code, not an object (Python's check visits every code).
  const members = new Map<string, number>();
  if (formatters.besideMembers) {
    codes.forEach((known, i) => {
      const name = known.code.names[language.id];
      if (name !== undefined) members.set(name, i);
    });
  }
  const taken = new Map<string, number>();
  codes.forEach((known, i) => {
    const member = known.code.names[language.id];
    if ((formatters.withParamsOnly && !known.code.hasParams) || member === undefined) return;
    const stem = formatters.stem(member);
    const sharing = taken.get(stem);
    const constant = formatters.besideMembers ? formatters.names(stem).find((name) => members.has(name)) : undefined;
    if (sharing === undefined && constant === undefined) {
      taken.set(stem, i);
      return;
    }
    const other = codes[sharing ?? (members.get(constant as string) as number)] as { code: ViewCode; at: () => Location };
    diagnostics.push({
      severity: 'error',
      at: known.at(),
      related: [other.at()],
      rule: 'identifier-collision',
      message:
        sharing !== undefined
          ? `codes "${other.code.code}" and "${known.code.code}" both get the ${language.id} formatter ${formatters.names(stem)[0]}`
          : `the ${language.id} formatter ${constant} of "${known.code.code}" has the ${language.id} name of "${other.code.code}"`,
      hint: `Give one of them another ${language.id} name under \`names: { ${language.id}: ... }\` in the catalog.`,
    });
  });
}

/**
 * The protobuf enum reserves each removed code's name (`reserved "ERROR_CODE_GONE"`, see
 * templates/protobuf), which protoc then refuses as a value: only an override can take one, as a
 * code listed again is an error of its own (removed-code-reused).
 */
function checkProtoReservedNames(proto: Language, codes: ReadonlyArray<{ code: ViewCode; at: () => Location }>, removed: readonly ViewRemoved[], diagnostics: Diagnostic[]): void {
  if (removed.length === 0) return;
  // The template's `ERROR_CODE_` + (constant code): the code's name before any rule changed it.
  const reserved = new Map(removed.map((gone) => [derivedIdentifier(gone.code, proto).plain, gone.code]));
  for (const known of codes) {
    const name = known.code.names['proto'];
    const gone = name === undefined ? undefined : reserved.get(name);
    if (gone === undefined || gone === known.code.code) continue;
    diagnostics.push({
      severity: 'error',
      at: known.at(),
      message: `the proto name ${name} of ${known.code.code} is reserved for the removed code ${gone}`,
      hint: 'A removed code keeps its name reserved, so that old clients never misread it: give this code another name under `names: { proto: ... }`.',
    });
  }
}

/** Gives every code its identifier in one language; two codes with one name is an error naming both. */
function nameAll(identifiers: CodeIdentifiers, language: Language, codes: ReadonlyArray<{ code: ViewCodeDraft; at: () => Location }>, diagnostics: Diagnostic[], typeNames: ReadonlySet<string> | undefined): void {
  for (let i = 0; i < codes.length; i++) {
    const known = codes[i] as { code: ViewCodeDraft; at: () => Location };
    const code = known.code;
    const name = identifiers.names[i];
    if (name === undefined) {
      diagnostics.push({
        severity: 'error',
        at: known.at(),
        message: `code "${code.code}" has no letters or digits to make a ${language.id} identifier from`,
        hint: `Give it a name under \`names: { ${language.id}: ... }\` in the catalog.`,
      });
      continue;
    }
    const problem = identifiers.badOverrides.get(i);
    if (problem !== undefined) {
      diagnostics.push({ severity: 'error', at: known.at(), ...badOverrideReport(code.code, name, problem, language) });
      continue;
    }
    if (typeNames?.has(name)) {
      diagnostics.push({
        severity: 'error',
        at: known.at(),
        rule: 'identifier-override',
        message: `the ${language.id} name ${name} of ${code.code} is the name of the type the ${language.id} target declares (its typeName option)`,
        hint: `Give the code another name under \`names: { ${language.id}: ... }\`, or the target another \`typeName\`.`,
      });
      continue;
    }
    const first = identifiers.clashes.get(i);
    if (first !== undefined) {
      const clash = codes[first] as { code: ViewCodeDraft; at: () => Location };
      diagnostics.push({ severity: 'error', at: known.at(), related: [clash.at()], ...collisionReport({ code: clash.code.code, name: identifiers.names[first] as string }, { code: code.code, name }, language) });
      continue;
    }
    code.names[language.id] = name;
  }
}
