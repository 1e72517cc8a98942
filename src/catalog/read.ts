import { InputError, type Location } from '../diagnostics.js';
import { readTextFile } from '../io/files.js';
import { parseYaml, type ParsedYaml } from '../yaml/parse.js';
import type { Catalog } from './model.js';

export type ReadCatalog = ParsedYaml<Catalog>;

/** Parses and validates catalog text; every problem is reported at once, with file:line:col. */
export async function parseCatalog(text: string, file: string): Promise<ReadCatalog> {
  const result = await parseYaml<Catalog>(text, file, 'catalog');
  if (Array.isArray(result)) throw new InputError(`${file} is not a valid catalog`, result);
  return result;
}

export async function readCatalog(file: string): Promise<ReadCatalog> {
  return parseCatalog(await readTextFile(file, 'catalog'), file);
}

/** The location of every code entry, by group and index, for diagnostics that point into the catalog. */
export function entryLocation(read: ReadCatalog, group: number, index: number): Location {
  return read.locate(['groups', group, 'codes', index]);
}
