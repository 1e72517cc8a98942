import { parse as parseYaml } from 'yaml';
import { fillReference, type Value } from './messages-harness.js';

/**
 * What the openapi (and jsonschema) targets must say about a catalog's message parameters, worked
 * out from the catalog text alone: each code's parameters with their JSON types, the sample values an
 * example fills in, and the example texts.
 */

type ParamType = 'string' | 'integer' | 'number' | 'boolean';

export interface Row {
  code: string;
  status: number;
  message: string;
  solution: string;
  deprecated?: unknown;
  params?: Record<string, ParamType | { type?: ParamType; description?: string; example?: Value }>;
  messages?: Record<string, { message: string; solution?: string; reviewed?: boolean }>;
}

interface CatalogText {
  locales?: { default?: string; supported?: string[] };
  groups: Array<{ codes: Row[] }>;
}

export interface ExpectedParam {
  name: string;
  type: ParamType;
  description: string | undefined;
  example: Value;
}

/** The catalog's rows, in order. */
export function rowsOf(catalogText: string): Row[] {
  return (parseYaml(catalogText) as CatalogText).groups.flatMap((g) => g.codes);
}

/** The samples the README promises for a parameter without an `example`: its name for a string, 42, 1.5, true. */
const samples: Record<ParamType, (name: string) => Value> = { string: (name) => name, integer: () => 42, number: () => 1.5, boolean: () => true };

/** Placeholder names as the reference formatter reads them (doubled braces first, left to right). */
const placeholderNames = (template: string): string[] =>
  [...template.matchAll(/\{\{|\}\}|\{([A-Za-z_][A-Za-z0-9_]*)\}/g)].flatMap((m) => (m[1] === undefined ? [] : [m[1]]));

/** A row's parameters: declared ones in order, then undeclared placeholders of message and solution (strings). */
export function paramsOf(row: Row): ExpectedParam[] {
  const params: ExpectedParam[] = Object.entries(row.params ?? {}).map(([name, declared]) => {
    const spec = typeof declared === 'string' ? { type: declared } : declared;
    const type = spec.type ?? 'string';
    return { name, type, description: spec.description, example: spec.example ?? samples[type](name) };
  });
  for (const name of [...placeholderNames(row.message), ...placeholderNames(row.solution)]) {
    if (!params.some((p) => p.name === name)) params.push({ name, type: 'string', description: undefined, example: name });
  }
  return params;
}

/** The parameter values an example body carries, by name. */
export function exampleValues(row: Row): Record<string, Value> {
  return Object.fromEntries(paramsOf(row).map((p) => [p.name, p.example]));
}

/** A template filled with the row's example values. */
export function filled(template: string, row: Row): string {
  return fillReference(template, exampleValues(row));
}

/** The locales after the default, in the order generated outputs list them: supported ones, then others sorted. */
export function translatedLocales(catalogText: string): string[] {
  const catalog = parseYaml(catalogText) as CatalogText;
  const base = catalog.locales?.default ?? 'en';
  const supported = (catalog.locales?.supported ?? []).filter((tag) => tag !== base);
  const others = new Set(catalog.groups.flatMap((g) => g.codes.flatMap((c) => Object.keys(c.messages ?? {}))));
  return [...new Set(supported), ...[...others].filter((tag) => tag !== base && !supported.includes(tag)).sort()];
}

/** The locales a row's code has its own translation into, in output order. */
export function ownTranslations(catalogText: string, row: Row): string[] {
  return translatedLocales(catalogText).filter((tag) => row.messages?.[tag] !== undefined);
}
