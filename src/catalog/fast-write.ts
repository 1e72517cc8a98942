import * as yaml from 'yaml';
import type { Document, Pair, Scalar as ScalarNode, YAMLMap, YAMLSeq } from 'yaml';
import { stringifyString } from 'yaml/util';
import { isPlainAsIs, quoteWhereReadersDiffer } from './scalar-style.js';
import { commentString, indentComment, lineComment } from './yaml-comments.js';
import { type CatalogStyle, indentStep, paddedFlow, YamlHandOff } from './yaml-hand-off.js';
import { isPlainRecord } from './entry-record.js';

/**
 * The text yaml's `document.toString({ lineWidth: 0, indent: 2, indentSeq: true })` gives, byte for
 * byte, several times faster. Block mappings, sequences, pairs, comments and blank lines are laid
 * out by a port of yaml's stringifyDocument, stringifyBlockCollection and stringifyPair (yaml 2.x,
 * src/stringify/); strings yaml writes as they are and integers are written directly; every other
 * scalar and every flow collection is handed to yaml's own stringifier for that node. yaml spends
 * most of its time on a context copy per pair and a tag lookup per scalar, which a catalog needs not.
 *
 * Returns undefined for what is left to yaml as a whole: anchors, aliases, tags, complex or explicit
 * keys, documents with errors, schemas other than the core one. Applies serializeCatalog's quoting
 * rules (quoteWhereReadersDiffer) to each scalar node it writes, as serializeCatalog does before writing, and
 * writes a new entry's plain record (entry-record.ts) as the node document.createNode makes of it.
 */
export function writeDocumentFast(document: Document, style: CatalogStyle = paddedFlow): string | undefined {
  if (document.errors.length > 0 || !YamlHandOff.supports(document)) return undefined;
  try {
    return new FastWriter(document, style).document();
  } catch (error) {
    if (error instanceof Unsupported) return undefined;
    throw error;
  }
}

// Read once: the bundle turns a CommonJS package's named exports into getters, too slow per node.
const { isAlias, isCollection, isMap, isNode, isPair, isScalar, isSeq, Scalar, visit } = yaml;

/** Something this writer leaves to yaml; thrown from deep in the walk, caught at the top. */
class Unsupported extends Error {}

/**
 * Where a node is written: the indentation of the lines inside it, and whether it is a mapping key
 * (yaml's `implicitKey`: no block scalars, no line breaks). Made once per level and reused.
 */
class Place {
  private nestedPlace: Place | undefined;
  private keyPlace: Place | undefined;

  constructor(
    readonly indent: string,
    readonly implicitKey: boolean,
  ) {}

  /**
   * One indentation step in: a pair's value, a sequence's items. (yaml lets a sequence's items
   * inherit `implicitKey`; it is false there, as a collection used as a key is Unsupported.)
   */
  get nested(): Place {
    return (this.nestedPlace ??= new Place(this.indent + indentStep, false));
  }

  /** A pair's key, one step in. */
  get nestedKey(): Place {
    const nested = this.nested;
    return (nested.keyPlace ??= new Place(nested.indent, true));
  }
}

/**
 * What a nested writer tells its caller where yaml calls the caller's onComment / onChompKeep: that
 * it wrote the node's comment itself (in a block scalar's header, after a collection), or that it
 * ends in line breaks kept by `|+`. A flag object per pair and collection instead of yaml's two
 * closures per node; yaml's callbacks are made only for nodes handed to yaml.
 */
class Report {
  commentWritten = false;
  chompKept = false;

  clear(): void {
    this.commentWritten = this.chompKept = false;
  }

  /** yaml's callbacks, setting these flags. */
  callbacks(): [onComment: () => void, onChompKeep: () => void] {
    return [() => (this.commentWritten = true), () => (this.chompKept = true)];
  }
}

class FastWriter {
  private readonly handOff: YamlHandOff;

  constructor(
    private readonly doc: Document,
    style: CatalogStyle,
  ) {
    this.handOff = new YamlHandOff(doc, style);
  }

  /** stringifyDocument, for serializeCatalog's options (no `directives` option). */
  document(): string {
    const doc = this.doc;
    const lines: string[] = [];
    let hasDirectives = false;
    if (doc.directives) {
      const directives = directivesText(doc.directives);
      if (directives) {
        lines.push(directives);
        hasDirectives = true;
      } else if (doc.directives.docStart) hasDirectives = true;
    }
    if (hasDirectives) lines.push('---');
    if (doc.commentBefore) {
      if (lines.length !== 1) lines.unshift('');
      lines.unshift(indentComment(commentString(doc.commentBefore), ''));
    }
    const contents = doc.contents;
    if (!isNode(contents)) throw new Unsupported();
    if (contents.spaceBefore && hasDirectives) lines.push('');
    if (contents.commentBefore) lines.push(indentComment(commentString(contents.commentBefore), ''));
    // Top-level block scalars need to be indented if followed by a comment.
    this.handOff.forceBlockIndent = !!doc.comment;
    let contentComment = contents.comment;
    const report = new Report();
    let body = this.node(contents, new Place('', false), report);
    // yaml listens for kept line breaks only when the contents have no comment of their own.
    const chompKeep = !contentComment && report.chompKept;
    if (report.commentWritten) contentComment = null;
    if (contentComment) body += lineComment(body, '', commentString(contentComment));
    if ((body[0] === '|' || body[0] === '>') && lines[lines.length - 1] === '---') lines[lines.length - 1] = `--- ${body}`;
    else lines.push(body);
    if (doc.directives?.docEnd) {
      if (doc.comment) {
        const comment = commentString(doc.comment);
        if (comment.includes('\n')) lines.push('...', indentComment(comment, ''));
        else lines.push(`... ${comment}`);
      } else lines.push('...');
    } else {
      let comment = doc.comment;
      if (comment && chompKeep) comment = comment.replace(/^\n+/, '');
      if (comment) {
        if ((!chompKeep || contentComment) && lines[lines.length - 1] !== '') lines.push('');
        lines.push(indentComment(commentString(comment), ''));
      }
    }
    return lines.join('\n') + '\n';
  }

  /** yaml's stringify() for one item, without props: anchors and tags are Unsupported. */
  private node(item: unknown, at: Place, report: Report): string {
    if (isPair(item)) return this.pair(item, at, report);
    if (isScalar(item)) {
      if (item.anchor || item.tag) throw new Unsupported();
      return this.scalar(item, at, report, true);
    }
    if (isMap(item) || isSeq(item)) {
      if (item.anchor || item.tag) throw new Unsupported();
      if (item.flow) return this.flowCollection(item, at, report);
      if (isSeq(item)) return this.blockCollection(item, at, '- ', '[]', at.nested, report);
      // yaml writes a mapping whose values are all absent as `? key` lines (a set).
      if (item.items.length > 0 && item.items.every((pair) => isPair(pair) && pair.value == null)) throw new Unsupported();
      return this.blockCollection(item, at, '', '{}', at, report);
    }
    if (isPlainRecord(item)) return this.record(item, at, report);
    if (isAlias(item) || isNode(item) || (item !== null && typeof item === 'object')) throw new Unsupported();
    // A plain value set with map.set(key, value): yaml makes it a Scalar when writing it. It is no
    // node when serializeCatalog applies its quoting rules (quoteWhereReadersDiffer), so they skip it.
    return this.value(item, at, report, false);
  }

  private scalar(node: ScalarNode, at: Place, report: Report, isNodeInDocument: boolean): string {
    const asIs = node.type === undefined || node.type === Scalar.PLAIN ? textAsIs(node.value) : undefined;
    if (asIs !== undefined && node.format === undefined && !node.minFractionDigits) return asIs;
    if (isNodeInDocument) quoteWhereReadersDiffer(node);
    if (typeof node.value === 'string') return stringifyString(node, this.handOff.context(at.indent, at.implicitKey, true), ...report.callbacks());
    return this.handOff.scalar(node, at.indent, at.implicitKey, ...report.callbacks()) ?? unsupported();
  }

  /** A value that is no node, as yaml writes the Scalar it makes for it; made only when yaml writes it. */
  private value(value: unknown, at: Place, report: Report, isNodeInDocument: boolean): string {
    return textAsIs(value) ?? this.scalar(new Scalar(value), at, report, isNodeInDocument);
  }

  /** A flow collection is written by yaml, once the quoting rules have marked its strings. */
  private flowCollection(node: YAMLMap | YAMLSeq, at: Place, report: Report): string {
    visit(node, (_key, inner) => {
      // A tag would need the document's %TAG directives (see directivesText), an alias its anchor.
      if (isAlias(inner) || (isNode(inner) && inner.tag)) throw new Unsupported();
      if (isScalar(inner)) quoteWhereReadersDiffer(inner);
    });
    return node.toString(this.handOff.context(at.indent, at.implicitKey, false), ...report.callbacks());
  }

  /** stringifyBlockCollection. */
  private blockCollection(
    collection: YAMLMap | YAMLSeq,
    at: Place,
    itemPrefix: string,
    empty: string,
    itemsAt: Place,
    report: Report,
  ): string {
    const { indent } = at;
    const isMapping = isMap(collection);
    let chompKeep = false;
    const itemReport = new Report();
    const lines: string[] = [];
    for (const item of collection.items) {
      let comment: string | null | undefined = null;
      if (isPair(item)) {
        const key = isNode(item.key) ? item.key : null;
        if (key) {
          if (!chompKeep && key.spaceBefore) lines.push('');
          addCommentBefore(indent, lines, key.commentBefore, chompKeep);
        }
      } else if (isMapping) {
        throw new Unsupported(); // yaml refuses a mapping item that is not a pair
      } else if (isNode(item)) {
        if (!chompKeep && item.spaceBefore) lines.push('');
        addCommentBefore(indent, lines, item.commentBefore, chompKeep);
        if (item.comment) comment = item.comment;
      }
      itemReport.clear();
      let text = this.node(item, itemsAt, itemReport);
      chompKeep = itemReport.chompKept;
      if (itemReport.commentWritten) comment = null;
      if (comment) text += lineComment(text, itemsAt.indent, commentString(comment));
      if (chompKeep && comment) chompKeep = false;
      lines.push(itemPrefix + text);
    }
    let text: string;
    if (lines.length === 0) text = empty;
    else {
      const parts: string[] = [lines[0] as string];
      const separator = `\n${indent}`;
      for (let i = 1; i < lines.length; ++i) {
        const line = lines[i] as string;
        parts.push(line ? separator : '\n', line);
      }
      text = parts.join('');
    }
    if (collection.comment) {
      text += '\n' + indentComment(commentString(collection.comment), indent);
      report.commentWritten = true;
    } else if (chompKeep) report.chompKept = true;
    return text;
  }

  /**
   * A new entry's plain record (entry-record.ts), as blockCollection and pair write the mapping
   * document.createNode(record) makes: pairs without comments or blank lines, keys in Object.keys
   * order, values that are undefined left out, strings under the quoting rules as nodes are.
   */
  private record(record: Readonly<Record<string, unknown>>, at: Place, report: Report): string {
    const keyAt = at.nestedKey;
    const valueAt = at.nested;
    const itemReport = new Report();
    let text = '';
    for (const key of Object.keys(record)) {
      const value = record[key];
      if (value === undefined) continue;
      const keyText = this.value(key, keyAt, itemReport, true);
      if (keyText.length > 1024) throw new Unsupported(); // yaml would make it an explicit key
      itemReport.clear();
      let line: string;
      if (isPlainRecord(value)) {
        const valueText = this.record(value, valueAt, itemReport);
        line = valueText === '{}' ? `${keyText}: {}` : `${keyText}:\n${valueAt.indent}${valueText}`;
      } else if (value === null || typeof value !== 'object') {
        const valueText = this.value(value, valueAt, itemReport, true);
        line = `${keyText}:${valueText === '' || valueText[0] === '\n' ? '' : ' '}${valueText}`;
      } else throw new Unsupported();
      text += text === '' ? line : `\n${at.indent}${line}`;
    }
    // The last pair's kept line breaks end the mapping; a record has no comments to stop them.
    if (itemReport.chompKept) report.chompKept = true;
    return text === '' ? '{}' : text;
  }

  /** stringifyPair in block context, for implicit keys (yaml calls a pair's onComment only in flow context). */
  private pair({ key, value }: Pair, at: Place, report: Report): string {
    let keyComment = (isNode(key) && key.comment) || null;
    const explicitKey =
      !key ||
      (keyComment && value == null) ||
      isCollection(key) ||
      (isScalar(key) ? key.type === Scalar.BLOCK_FOLDED || key.type === Scalar.BLOCK_LITERAL : typeof key === 'object');
    if (explicitKey) throw new Unsupported();
    const keyAt = at.nestedKey;
    const { indent } = keyAt;
    const valueReport = new Report();
    let text = this.node(key, keyAt, valueReport);
    if (text.length > 1024) throw new Unsupported(); // yaml would make it an explicit key
    if (valueReport.commentWritten) keyComment = null;
    valueReport.clear();
    text += ':';
    if (keyComment) text += lineComment(text, indent, commentString(keyComment));

    let spaceBefore = false;
    let commentBefore: string | null | undefined = null;
    let valueComment: string | null | undefined = null;
    if (isNode(value)) {
      spaceBefore = !!value.spaceBefore;
      commentBefore = value.commentBefore;
      valueComment = value.comment;
    } else if (value && typeof value === 'object') throw new Unsupported();
    const valueText = this.node(value, at.nested, valueReport);
    let space = ' ';
    if (keyComment || spaceBefore || commentBefore) {
      space = spaceBefore ? '\n' : '';
      if (commentBefore) space += `\n${indentComment(commentString(commentBefore), indent)}`;
      if (valueText === '') {
        if (space === '\n' && valueComment) space = '\n\n';
      } else space += `\n${indent}`;
    } else if (isCollection(value)) {
      // A value starting with props (`&a`, `!t`) would change this; anchors and tags are Unsupported.
      if (!(value.flow ?? value.items.length === 0) || valueText.includes('\n')) space = `\n${indent}`;
    } else if (valueText === '' || valueText[0] === '\n') space = '';
    text += space + valueText;
    if (valueComment && !valueReport.commentWritten) text += lineComment(text, indent, commentString(valueComment));
    else if (valueReport.chompKept) report.chompKept = true;
    return text;
  }
}

/** The text of a string or integer that yaml writes as it is (an untyped, unformatted scalar's value), else undefined. */
function textAsIs(value: unknown): string | undefined {
  if (typeof value === 'string') return isPlainAsIs(value) ? value : undefined;
  if (typeof value === 'number' && Number.isSafeInteger(value) && !Object.is(value, -0)) return String(value);
  return undefined;
}

/**
 * Directives.toString(doc) for a document without tags (anything tagged is Unsupported): `%TAG`
 * lines are written only for handles that some tag uses, so only a `%YAML` line remains. yaml finds
 * that out by visiting every node.
 */
function directivesText(directives: NonNullable<Document['directives']>): string {
  return directives.yaml.explicit ? `%YAML ${directives.yaml.version || '1.2'}` : '';
}

function addCommentBefore(indent: string, lines: string[], comment: string | null | undefined, chompKeep: boolean): void {
  if (comment && chompKeep) comment = comment.replace(/^\n+/, '');
  if (comment) lines.push(indentComment(commentString(comment), indent).trimStart()); // avoid a double indent on the first line
}

function unsupported(): never {
  throw new Unsupported();
}
