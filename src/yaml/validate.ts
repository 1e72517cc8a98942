import type { Diagnostic, Location } from '../diagnostics.js';
import type { ErrorObject } from 'ajv';
import type { SchemaName } from './schema.js';
import * as validators from './validators.generated.js';

/** Schema errors as diagnostics at the offending YAML node, one per problem. */
export function validateAgainstSchema(
  schema: SchemaName,
  value: unknown,
  locate: (path: readonly (string | number)[]) => Location,
): Diagnostic[] {
  const validate = validators[schema];
  if (validate(value)) return [];
  const errors = validate.errors ?? [];
  // A value that fits no branch of a `oneOf` gets one message listing what each branch wanted.
  const alternatives = new Set(errors.filter((e) => e.keyword === 'oneOf').map((e) => e.instancePath));
  const problems: { path: (string | number)[]; wants: string[] }[] = [];
  const problemAtAlternative = new Map<string, (typeof problems)[number]>();
  for (const error of relevantErrors(errors)) {
    const path = pointerToPath(error.instancePath);
    const wants = describeError(error, path);
    const merged = problemAtAlternative.get(error.instancePath);
    if (merged) {
      merged.wants.push(wants);
      continue;
    }
    const problem = { path, wants: [wants] };
    problems.push(problem);
    if (alternatives.has(error.instancePath)) problemAtAlternative.set(error.instancePath, problem);
  }
  return problems.map(({ path, wants }) => ({
    severity: 'error',
    at: locate(path),
    message: `${describePath(path)} ${wants.map((w, i) => (i > 0 ? w.replace(/^must be /, '') : w)).join(', or ')}`,
    hint: `See schemas/${schema}.schema.json for the ${schema} format.`,
  }));
}

/** `oneOf` reports each failed branch and then itself; the branches say more, once. */
function relevantErrors(errors: readonly ErrorObject[]): ErrorObject[] {
  const seen = new Set<string>();
  return errors.filter((e) => {
    if (e.keyword === 'oneOf') return false;
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

function describePath(path: readonly (string | number)[]): string {
  if (path.length === 0) return 'the catalog';
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}

function describeError(error: ErrorObject, path: readonly (string | number)[]): string {
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'enum':
      return `must be one of ${(params['allowedValues'] as unknown[]).map(String).join(', ')}`;
    case 'required':
      return `is missing the required field "${String(params['missingProperty'])}"`;
    case 'additionalProperties':
      return `has an unknown field "${String(params['additionalProperty'])}"`;
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
