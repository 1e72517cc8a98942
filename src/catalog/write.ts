import { Document, visit } from 'yaml';
import { schemaComment } from '../yaml/schema.js';
import { writeDocumentFast } from './fast-write.js';
import { isPlainRecord } from './entry-record.js';
import { quoteIfBlankLine } from './scalar-style.js';

export async function newCatalogDocument(catalogPath: string): Promise<Document> {
  const document = new Document({ groups: [] });
  document.commentBefore = schemaComment(catalogPath, 'catalog');
  return document;
}

/**
 * Deterministic YAML: no line folding, two-space indent, sequences indented under their key. The
 * text is serializeCatalogWithYaml's, byte for byte (test/catalog-write.test.ts), written by
 * fast-write.ts unless the document holds something only yaml writes.
 */
export function serializeCatalog(document: Document): string {
  return writeDocumentFast(document) ?? serializeCatalogWithYaml(document);
}

/**
 * The reference: yaml's own stringifier, once new entries' records (merge.ts) are nodes and the
 * blank-line rule has marked the strings it applies to.
 */
export function serializeCatalogWithYaml(document: Document): string {
  visit(document, {
    Seq(_key, seq) {
      seq.items.forEach((item, i) => {
        if (isPlainRecord(item)) seq.items[i] = document.createNode(item);
      });
    },
    Scalar(_key, node) {
      quoteIfBlankLine(node);
    },
  });
  return document.toString({ lineWidth: 0, indent: 2, indentSeq: true });
}
