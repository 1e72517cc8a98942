import { Document, visit } from 'yaml';
import { schemaComment } from '../yaml/schema.js';

export async function newCatalogDocument(catalogPath: string): Promise<Document> {
  const document = new Document({ groups: [] });
  document.commentBefore = schemaComment(catalogPath, 'catalog');
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
