import { dirname, relative, sep } from 'node:path';
import type { Document } from 'yaml';
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
  const { Document } = await import('yaml');
  const document = new Document({ groups: [] });
  document.commentBefore = schemaComment(catalogPath);
  return document;
}

/** Deterministic YAML: no line folding, two-space indent, sequences indented under their key. */
export function serializeCatalog(document: Document): string {
  return document.toString({ lineWidth: 0, indent: 2, indentSeq: true });
}
