import { Document, visit } from 'yaml';
import { schemaComment } from '../yaml/schema.js';
import { writeDocumentFast } from './fast-write.js';
import { isPlainRecord } from './entry-record.js';
import { quoteIfBlankLine } from './scalar-style.js';
import { type CatalogStyle, paddedFlow } from './yaml-hand-off.js';

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
export function serializeCatalog(document: Document, style: CatalogStyle = paddedFlow): string {
  return writeDocumentFast(document, style) ?? serializeCatalogWithYaml(document, style);
}

/**
 * The style a catalog text is written in, so that a merge does not rewrite `[de]` as `[ de ]`: flow
 * collections are found where a value or item starts with `[` or `{` (a plain scalar cannot), and
 * the style most of them have wins.
 */
export function catalogStyle(text: string | undefined): CatalogStyle {
  let padded = 0;
  let unpadded = 0;
  for (const [, opening] of text?.matchAll(/(?:^|[:-] )[ \t]*([[{].)/gm) ?? []) {
    if (opening === '[]' || opening === '{}') continue;
    if (opening?.[1] === ' ') padded++;
    else unpadded++;
  }
  return unpadded > padded ? { flowCollectionPadding: false } : paddedFlow;
}

/**
 * The reference: yaml's own stringifier, once new entries' records (merge.ts) are nodes and the
 * blank-line rule has marked the strings it applies to.
 */
export function serializeCatalogWithYaml(document: Document, style: CatalogStyle = paddedFlow): string {
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
  return document.toString({ lineWidth: 0, indent: 2, indentSeq: true, flowCollectionPadding: style.flowCollectionPadding });
}
