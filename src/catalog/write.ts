import { dirname, relative, sep } from 'node:path';
import { Document, visit } from 'yaml';
import { schemaPath } from '../yaml/schema.js';

const schemaUrl = 'https://unpkg.com/errgen@0/schemas/catalog.schema.json';

/**
 * The `yaml-language-server` line that lets editors validate and complete the catalog: a path
 * relative to the catalog when errgen is installed inside the working tree (node_modules or this
 * repository), else the published schema's URL, so no machine path ever lands in a catalog.
 */
export function schemaComment(catalogPath: string): string {
  const fromCwd = relative(process.cwd(), schemaPath('catalog'));
  const inTree = !fromCwd.startsWith('..') && !fromCwd.startsWith(sep) && !/^[a-z]:/i.test(fromCwd);
  const ref = inTree ? relative(dirname(catalogPath), schemaPath('catalog')).split(sep).join('/') : schemaUrl;
  return ` yaml-language-server: $schema=${ref}`;
}

export async function newCatalogDocument(catalogPath: string): Promise<Document> {
  const document = new Document({ groups: [] });
  document.commentBefore = schemaComment(catalogPath);
  return document;
}

/** Deterministic YAML: no line folding, two-space indent, sequences indented under their key. */
export function serializeCatalog(document: Document): string {
  quoteBlankLines(document);
  return document.toString({ lineWidth: 0, indent: 2, indentSeq: true });
}

/**
 * The yaml library writes multi-line text as a block scalar, where a line of only spaces reads back
 * as an empty line (`" \n"` would come back as `"\n"`): such text is written double-quoted instead.
 */
function quoteBlankLines(document: Document): void {
  visit(document, {
    Scalar(_key, node) {
      if (typeof node.value === 'string' && /(?:^|\n)[ \t]+(?:\n|$)/.test(node.value) && node.value.includes('\n')) {
        node.type = 'QUOTE_DOUBLE';
      }
    },
  });
}
