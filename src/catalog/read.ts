import { type Document, isNode, LineCounter, parseAllDocuments } from 'yaml';
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
  return parseCatalogValue(await readTextFile(file, 'catalog'), file);
}

/**
 * As parseCatalog (the same checks and diagnostics), for readers that need the value and, rarely,
 * a location: the YAML document (some 500,000 nodes at 100,000 codes) is dropped once validated
 * and parsed again only if something asks where a node is.
 */
export async function parseCatalogValue(text: string, file: string): Promise<ReadCatalog> {
  const { value } = await parseCatalog(text, file);
  let located: { document: Document; locate: ReadCatalog['locate'] } | undefined;
  const again = () => {
    if (located) return located;
    const lineCounter = new LineCounter();
    const document = parseAllDocuments(text, { lineCounter, uniqueKeys: true, prettyErrors: false, strict: true }) as Document[];
    const contents = document[0] as Document;
    const at = (offset: number): Location => {
      const { line, col } = lineCounter.linePos(offset);
      return { file, line, column: col };
    };
    // The same search as src/yaml/parse.ts: the deepest node of the path that exists.
    const locate = (path: readonly (string | number)[]): Location => {
      for (let depth = path.length; depth >= 0; depth--) {
        const node = depth === 0 ? contents.contents : contents.getIn(path.slice(0, depth), true);
        if (isNode(node) && node.range) return at(node.range[0]);
      }
      return at(0);
    };
    return (located = { document: contents, locate });
  };
  return {
    value,
    get document() {
      return again().document;
    },
    locate: (path) => again().locate(path),
  };
}

/** The location of every code entry, by group and index, for diagnostics that point into the catalog. */
export function entryLocation(read: ReadCatalog, group: number, index: number): Location {
  return read.locate(['groups', group, 'codes', index]);
}
