import type { ErrorObject } from 'ajv';
import { didYouMean } from '../closest-match.js';
import type { Diagnostic, Location } from '../diagnostics.js';
import { type SchemaName, schemaReference } from './schema.js';
import * as validators from './validators.generated.js';

/** Schema errors as diagnostics at the offending YAML node, one per problem. */
export function validateAgainstSchema(
  schema: SchemaName,
  value: unknown,
  locate: (path: readonly (string | number)[]) => Location,
  /** Where a mapping's key is, if known: an unknown field is reported at its own line, not its mapping's. */
  locateKey?: (path: readonly (string | number)[]) => Location | undefined,
): Diagnostic[] {
  const validate = validators[schema];
  if (validate(value)) return [];
  const errors = validate.errors ?? [];
  // A value that fits no branch of a `oneOf` gets one message listing what each branch wanted.
  const alternatives = new Set(errors.filter((e) => e.keyword === 'oneOf').map((e) => e.instancePath));
  const problems: { path: (string | number)[]; wants: string[]; keyPath: (string | number)[] | undefined; allowed: string[] }[] = [];
  const problemAtAlternative = new Map<string, (typeof problems)[number]>();
  for (const error of relevantErrors(errors)) {
    const path = pointerToPath(error.instancePath);
    const wants = describeError(error, path, schema);
    // A value among several allowed ones is named with the one most likely meant (`NOTFOUND`).
    const allowed = error.keyword === 'enum' ? (error.params as { allowedValues: unknown[] }).allowedValues.map(String) : [];
    const merged = problemAtAlternative.get(error.instancePath);
    if (merged) {
      merged.wants.push(wants);
      merged.allowed.push(...allowed);
      continue;
    }
    const unknownField = error.keyword === 'additionalProperties' ? String((error.params as { additionalProperty: unknown }).additionalProperty) : undefined;
    const problem = { path, wants: [wants], keyPath: unknownField === undefined ? undefined : [...path, unknownField], allowed };
    problems.push(problem);
    if (alternatives.has(error.instancePath)) problemAtAlternative.set(error.instancePath, problem);
  }
  const hint = `See ${schemaReference(process.cwd(), schema)} for the ${schema} format.`;
  return problems.map(({ path, wants, keyPath, allowed }) => {
    const given = valueAt(value, path);
    const meant = allowed.length > 0 && typeof given === 'string' ? didYouMean(given, allowed) : '';
    return {
      severity: 'error',
      at: (keyPath && locateKey?.(keyPath)) ?? locate(path),
      message: `${describePath(path, schema, value)} ${wants.map((w, i) => (i > 0 ? w.replace(/^must be /, '') : w)).join(', or ')}${meant}`,
      hint,
    };
  });
}

/**
 * `oneOf` reports each failed branch and then itself; the branches say more, once. A branch of the
 * value's own type that failed on something inside it is the one meant: the others' "must be a
 * boolean" would only confuse (`targets.go` with a misspelt field is not meant to be `true`).
 */
function relevantErrors(errors: readonly ErrorObject[]): ErrorObject[] {
  const alternatives = errors.filter((e) => e.keyword === 'oneOf').map((e) => e.instancePath);
  // Errors a value of the wrong type never gets: one inside the value, or one about the value itself
  // other than its type (`enum` and `const` fire whatever the type is).
  const typeMatched = (e: ErrorObject, at: string) =>
    e.keyword !== 'oneOf' && (e.instancePath.startsWith(`${at}/`) || (e.instancePath === at && !['type', 'enum', 'const'].includes(e.keyword)));
  const meantBranch = new Set(alternatives.filter((at) => errors.some((e) => typeMatched(e, at))));
  const seen = new Set<string>();
  return errors.filter((e) => {
    if (e.keyword === 'oneOf') return false;
    if (e.keyword === 'type' && meantBranch.has(e.instancePath)) return false;
    const key = `${e.instancePath}|${e.keyword}|${JSON.stringify(e.params)}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function pointerToPath(pointer: string): (string | number)[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

function describePath(path: readonly (string | number)[], schema: SchemaName, value: unknown): string {
  if (path.length === 0) return `the ${schema}`;
  const written = path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
  // A catalog entry is easier found by its code than by its indexes.
  const [groups, g, codes, i] = path;
  const code = schema === 'catalog' && groups === 'groups' && codes === 'codes' ? valueAt(value, [groups, g, codes, i, 'code']) : undefined;
  if (typeof code !== 'string' || path.length < 4) return written;
  return path.length === 4 ? `${written} (${code})` : `${written} (in ${code})`;
}

function valueAt(value: unknown, path: readonly (string | number | undefined)[]): unknown {
  let at = value;
  for (const part of path) at = at !== null && typeof at === 'object' && part !== undefined ? (at as Record<string | number, unknown>)[part] : undefined;
  return at;
}

function describeError(error: ErrorObject, path: readonly (string | number)[], schema: SchemaName): string {
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'enum':
      return `must be one of ${(params['allowedValues'] as unknown[]).map(String).join(', ')}`;
    case 'required':
      return `is missing the required field "${String(params['missingProperty'])}"`;
    case 'additionalProperties':
      // lint.rules and breaking.rules: their fields are rule ids.
      return `has an unknown ${schema === 'config' && path.length === 2 && path[1] === 'rules' ? 'rule' : 'field'} "${String(params['additionalProperty'])}"${didYouMean(String(params['additionalProperty']), fieldNames(error))}`;
    case 'type':
      return `must be ${withArticle(String(params['type']))}`;
    case 'minimum':
    case 'maximum':
      if (path[path.length - 1] === 'status') return 'must be from 100 to 599 (an HTTP status)';
      return `must be ${error.keyword === 'minimum' ? 'at least' : 'at most'} ${String(params['limit'])}`;
    default:
      return error.message ?? 'is invalid';
  }
}

function withArticle(type: string): string {
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}

/** The fields the schema allows where `additionalProperties` failed (its sibling `properties`), for a "did you mean". */
function fieldNames(error: ErrorObject): string[] {
  // The validators are compiled with `verbose`: each error carries the schema object it failed in.
  const properties = (error.parentSchema as { properties?: unknown } | undefined)?.properties;
  return properties && typeof properties === 'object' ? Object.keys(properties) : [];
}
