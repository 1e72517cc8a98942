import { InputError } from '../diagnostics.js';
import { readTextFile } from '../io/files.js';
import { lazilyParsed, parseYaml, type ParsedYaml } from '../yaml/parse.js';
import type { Catalog } from './model.js';

export type ReadCatalog = ParsedYaml<Catalog>;

/** Parses and validates catalog text; every problem is reported at once, with file:line:col. */
export async function parseCatalog(text: string, file: string): Promise<ReadCatalog> {
  const result = await parseYaml<Catalog>(text, file, 'catalog');
  if (Array.isArray(result)) throw new InputError(`${file} is not a valid catalog`, result);
  return result;
}

export async function readCatalog(file: string): Promise<ReadCatalog> {
  return parseCatalogValue(await readTextFile(file, 'catalog'), file);
}

/**
 * Catalogs up to this size keep their YAML document after validation when the full parser built
 * one (the fast reader builds none). It costs a few megabytes at most, and parsing again to locate
 * a single warning (what `check` on a small project usually reports) would cost as much as the
 * first parse.
 */
const keepDocumentBelow = 1024 * 1024;

/**
 * As parseCatalog (the same checks and diagnostics), for readers that need the value and, rarely,
 * a location: a large catalog's YAML document (some 500,000 nodes at 100,000 codes) is dropped once
 * validated and parsed again only if something asks where a node is.
 */
export async function parseCatalogValue(text: string, file: string): Promise<ReadCatalog> {
  const parsed = await parseCatalog(text, file);
  return text.length < keepDocumentBelow ? parsed : lazilyParsed(parsed.value, text, file);
}
