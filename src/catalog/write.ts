import { Document, visit, type YAMLMap, type YAMLSeq } from 'yaml';
import { schemaComment } from '../yaml/schema.js';
import { writeDocumentFast } from './fast-write.js';
import { isPlainRecord } from './entry-record.js';
import { quoteWhereReadersDiffer } from './scalar-style.js';
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
 * The style a catalog is written in, so that a merge does not rewrite `[de]` as `[ de ]`: the style
 * most of its flow collections with items have, read from yaml's parse of `text` (each node's range
 * starts at its `[` or `{`). Without one (no catalog yet, or one errgen wrote and merged into as
 * records), errgen's own style.
 */
export function catalogStyle(parsed: Document | undefined, text: string | undefined): CatalogStyle {
  if (parsed === undefined || text === undefined) return paddedFlow;
  let padded = 0;
  let unpadded = 0;
  const count = (_key: unknown, node: YAMLMap | YAMLSeq) => {
    if (!node.flow || node.items.length === 0 || node.range == null) return;
    const next = text[node.range[0] + 1];
    if (next === ' ') padded++;
    else if (next !== '\n' && next !== '\r' && next !== '\t') unpadded++;
  };
  visit(parsed, { Map: count, Seq: count });
  return unpadded > padded ? { flowCollectionPadding: false } : paddedFlow;
}

/**
 * The reference: yaml's own stringifier, once new entries' records (merge.ts) are nodes and the
 * quoting rules (quoteWhereReadersDiffer) have marked the strings they apply to.
 */
export function serializeCatalogWithYaml(document: Document, style: CatalogStyle = paddedFlow): string {
  visit(document, {
    Seq(_key, seq) {
      seq.items.forEach((item, i) => {
        if (isPlainRecord(item)) seq.items[i] = document.createNode(item);
      });
    },
    Scalar(_key, node) {
      quoteWhereReadersDiffer(node);
    },
  });
  return document.toString({ lineWidth: 0, indent: 2, indentSeq: true, flowCollectionPadding: style.flowCollectionPadding });
}
