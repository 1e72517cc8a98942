import { Document, Pair, Scalar, YAMLMap, YAMLSeq } from 'yaml';
import { stringifyString } from 'yaml/util';
import { isPlainRecord } from './entry-record.js';
import { writeDocumentFast } from './fast-write.js';
import { isPlainAsIs, quoteWhereReadersDiffer } from './scalar-style.js';
import { indentStep, YamlHandOff } from './yaml-hand-off.js';

// Re-importing into a large catalog parsed the whole file with yaml to get a document to edit: about
// 20 s and 1.2 GB at 100,000 codes. When the catalog is plain (what errgen writes: no comments but
// the schema line, no blank lines, no styles yaml would not choose), the value the fast reader
// read is the document: its entries stay plain records, as new entries do, and become the nodes
// yaml's parser would have made only when a merge edits them (nodeAsParsed).

/** Entries read from the catalog text: nodeAsParsed, not entryNode, makes their nodes. */
const readRecords = new WeakSet<object>();

export function isReadRecord(item: unknown): item is Readonly<Record<string, unknown>> {
  return typeof item === 'object' && item !== null && readRecords.has(item);
}

/** Where an entry's mapping is written: in the root mapping, `groups`, a group and its `codes`. */
const entryIndent = indentStep.repeat(4);

/**
 * The catalog `text` (whose value is `value`) as a document of nodes around entries that are plain
 * records, if writing that document gives `text` back byte for byte: then the text holds nothing
 * but what the document holds, written as yaml writes it, and merging into it is merging into the
 * parsed document. Undefined otherwise (comments, blank lines, other styles, anything unusual).
 */
export function recordsDocument(value: unknown, text: string): Document | undefined {
  if (!isPlainRecord(value) || !Array.isArray(value['groups'])) return undefined;
  const document = new Document();
  const styles = new Styles(document);
  document.contents = styles.node(value, '', (item, path) => path.length === 3 && path[0] === 'groups' && path[2] === 'codes' && isPlainRecord(item)) as YAMLMap;
  const comment = leadingComment(text);
  if (comment !== undefined) document.commentBefore = comment;
  return writeDocumentFast(document) === text ? document : undefined;
}

/** The node yaml's parser makes for an entry read from a catalog text accepted by recordsDocument. */
export function nodeAsParsed(document: Document, record: Readonly<Record<string, unknown>>): YAMLMap {
  return new Styles(document).node(record, entryIndent, () => false) as YAMLMap;
}

/**
 * The schema line errgen writes (comment lines, then a blank line) is the document's comment. Any
 * other comment is left out, and recordsDocument's byte comparison then refuses the text.
 */
function leadingComment(text: string): string | undefined {
  const match = /^((?:#[^\n]*\n)+)\n/.exec(text);
  if (!match) return undefined;
  return (match[1] as string)
    .slice(0, -1)
    .split('\n')
    .map((line) => line.slice(1))
    .join('\n');
}

/**
 * Builds nodes as yaml's parser reads them from text that yaml's writer wrote: each scalar has the
 * style (`type`) its text is written in, which a merge keeps when it changes the value, and each
 * empty collection is a flow one (`[]`, `{}`), which stays flow when items are added.
 */
class Styles {
  private readonly handOff: YamlHandOff;

  constructor(private readonly document: Document) {
    this.handOff = new YamlHandOff(document);
  }

  /**
   * `indent`: the indentation yaml's writer writes the value at (a collection's items and a mapping's
   * keys and values one step in); `keep` says which sequence items stay plain records (registered as read).
   */
  node(value: unknown, indent: string, keep: (item: unknown, path: readonly (string | number)[]) => boolean, path: (string | number)[] = []): unknown {
    const inner = indent + indentStep;
    if (Array.isArray(value)) {
      const seq = new YAMLSeq(this.document.schema);
      value.forEach((item, i) => {
        if (keep(item, path)) {
          readRecords.add(item as object);
          seq.items.push(item);
        } else seq.items.push(this.node(item, inner, keep, [...path, i]));
      });
      if (seq.items.length === 0) seq.flow = true;
      return seq;
    }
    if (isPlainRecord(value)) {
      const map = new YAMLMap(this.document.schema);
      for (const key of Object.keys(value)) {
        const item = value[key];
        map.items.push(new Pair(this.scalar(key, inner, true), this.node(item, inner, keep, [...path, key])));
      }
      if (map.items.length === 0) map.flow = true;
      return map;
    }
    return this.scalar(value, indent, false);
  }

  private scalar(value: unknown, indent: string, implicitKey: boolean): Scalar {
    const node = new Scalar(value);
    node.type = typeof value === 'string' ? this.styleOf(node, indent, implicitKey) : Scalar.PLAIN;
    return node;
  }

  /** The style yaml's writer (as fast-write.ts drives it) writes this string in. */
  private styleOf(node: Scalar, indent: string, implicitKey: boolean): Scalar.Type {
    const value = node.value as string;
    if (isPlainAsIs(value)) return Scalar.PLAIN;
    quoteWhereReadersDiffer(node);
    const written = stringifyString(node, this.handOff.context(indent, implicitKey, true));
    switch (written[0]) {
      case '"':
        return Scalar.QUOTE_DOUBLE;
      case "'":
        return Scalar.QUOTE_SINGLE;
      case '|':
        return Scalar.BLOCK_LITERAL;
      case '>':
        return Scalar.BLOCK_FOLDED;
      default:
        return Scalar.PLAIN;
    }
  }
}
