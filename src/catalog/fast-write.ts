import * as yaml from 'yaml';
import type { Document, Pair, Scalar as ScalarNode, YAMLMap, YAMLSeq } from 'yaml';
import { stringifyString } from 'yaml/util';
import { isPlainAsIs, quoteIfBlankLine } from './scalar-style.js';
import { commentString, indentComment, lineComment } from './yaml-comments.js';
import { YamlHandOff } from './yaml-hand-off.js';

/**
 * The text yaml's `document.toString({ lineWidth: 0, indent: 2, indentSeq: true })` gives, byte for
 * byte, several times faster. Block mappings, sequences, pairs, comments and blank lines are laid
 * out by a port of yaml's stringifyDocument, stringifyBlockCollection and stringifyPair (yaml 2.x,
 * src/stringify/); strings yaml writes as they are and integers are written directly; every other
 * scalar and every flow collection is handed to yaml's own stringifier for that node. yaml spends
 * most of its time on a context copy per pair and a tag lookup per scalar, which a catalog needs not.
 *
 * Returns undefined for what is left to yaml as a whole: anchors, aliases, tags, complex or explicit
 * keys, documents with errors, schemas other than the core one. Applies serializeCatalog's blank-line
 * rule (quoteIfBlankLine) to each scalar node it writes, as serializeCatalog does before writing.
 */
export function writeDocumentFast(document: Document): string | undefined {
  if (document.errors.length > 0 || !YamlHandOff.supports(document)) return undefined;
  try {
    return new FastWriter(document).document();
  } catch (error) {
    if (error instanceof Unsupported) return undefined;
    throw error;
  }
}

// Read once: the bundle turns a CommonJS package's named exports into getters, too slow per node.
const { isAlias, isCollection, isMap, isNode, isPair, isScalar, isSeq, Scalar, visit } = yaml;

/** Something this writer leaves to yaml; thrown from deep in the walk, caught at the top. */
class Unsupported extends Error {}

const indentStep = '  ';

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

/** yaml's onComment / onChompKeep callbacks: a nested writer reports that it wrote the comment, or kept trailing lines. */
type OnEvent = (() => void) | undefined;

class FastWriter {
  private readonly handOff: YamlHandOff;

  constructor(private readonly doc: Document) {
    this.handOff = new YamlHandOff(doc);
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
    let chompKeep = false;
    let contentComment = contents.comment;
    const onChompKeep = contentComment ? undefined : () => (chompKeep = true);
    let body = this.node(contents, new Place('', false), () => (contentComment = null), onChompKeep);
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
  private node(item: unknown, at: Place, onComment: OnEvent, onChompKeep: OnEvent): string {
    if (isPair(item)) return this.pair(item, at, onChompKeep);
    if (isScalar(item)) {
      if (item.anchor || item.tag) throw new Unsupported();
      return this.scalar(item, at, onComment, onChompKeep, true);
    }
    if (isMap(item) || isSeq(item)) {
      if (item.anchor || item.tag) throw new Unsupported();
      if (item.flow) return this.flowCollection(item, at, onComment, onChompKeep);
      if (isSeq(item)) return this.blockCollection(item, at, '- ', '[]', at.nested, onComment, onChompKeep);
      // yaml writes a mapping whose values are all absent as `? key` lines (a set).
      if (item.items.length > 0 && item.items.every((pair) => isPair(pair) && pair.value == null)) throw new Unsupported();
      return this.blockCollection(item, at, '', '{}', at, onComment, onChompKeep);
    }
    if (isAlias(item) || isNode(item) || (item !== null && typeof item === 'object')) throw new Unsupported();
    // A plain value set with map.set(key, value): yaml makes it a Scalar when writing it. It is no
    // node when serializeCatalog applies the blank-line rule, so the rule skips it.
    return this.scalar(new Scalar(item), at, onComment, onChompKeep, false);
  }

  private scalar(node: ScalarNode, at: Place, onComment: OnEvent, onChompKeep: OnEvent, isNodeInDocument: boolean): string {
    const value = node.value;
    if (typeof value === 'string') {
      if ((node.type === undefined || node.type === Scalar.PLAIN) && isPlainAsIs(value)) return value;
      if (isNodeInDocument) quoteIfBlankLine(node);
      return stringifyString(node, this.handOff.context(at.indent, at.implicitKey, true), onComment, onChompKeep);
    }
    if (typeof value === 'number' && Number.isSafeInteger(value) && !Object.is(value, -0) && node.format === undefined && !node.minFractionDigits) {
      return String(value);
    }
    return this.handOff.scalar(node, at.indent, at.implicitKey, onComment, onChompKeep) ?? unsupported();
  }

  /** A flow collection is written by yaml, once the blank-line rule has marked its strings. */
  private flowCollection(node: YAMLMap | YAMLSeq, at: Place, onComment: OnEvent, onChompKeep: OnEvent): string {
    visit(node, (_key, inner) => {
      // A tag would need the document's %TAG directives (see directivesText), an alias its anchor.
      if (isAlias(inner) || (isNode(inner) && inner.tag)) throw new Unsupported();
      if (isScalar(inner)) quoteIfBlankLine(inner);
    });
    return node.toString(this.handOff.context(at.indent, at.implicitKey, false), onComment, onChompKeep);
  }

  /** stringifyBlockCollection. */
  private blockCollection(
    collection: YAMLMap | YAMLSeq,
    at: Place,
    itemPrefix: string,
    empty: string,
    itemsAt: Place,
    onComment: OnEvent,
    onChompKeep: OnEvent,
  ): string {
    const { indent } = at;
    const isMapping = isMap(collection);
    let chompKeep = false;
    let comment: string | null | undefined = null;
    const onItemComment = () => (comment = null);
    const onItemChompKeep = () => (chompKeep = true);
    const lines: string[] = [];
    for (const item of collection.items) {
      comment = null;
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
      chompKeep = false;
      let text = this.node(item, itemsAt, onItemComment, onItemChompKeep);
      if (comment) text += lineComment(text, itemsAt.indent, commentString(comment));
      if (chompKeep && comment) chompKeep = false;
      lines.push(itemPrefix + text);
    }
    let text: string;
    if (lines.length === 0) text = empty;
    else {
      text = lines[0] as string;
      for (let i = 1; i < lines.length; ++i) {
        const line = lines[i];
        text += line ? `\n${indent}${line}` : '\n';
      }
    }
    if (collection.comment) {
      text += '\n' + indentComment(commentString(collection.comment), indent);
      if (onComment) onComment();
    } else if (chompKeep && onChompKeep) onChompKeep();
    return text;
  }

  /** stringifyPair in block context, for implicit keys (yaml calls a pair's onComment only in flow context). */
  private pair({ key, value }: Pair, at: Place, onChompKeep: OnEvent): string {
    let keyComment = (isNode(key) && key.comment) || null;
    const explicitKey =
      !key ||
      (keyComment && value == null) ||
      isCollection(key) ||
      (isScalar(key) ? key.type === Scalar.BLOCK_FOLDED || key.type === Scalar.BLOCK_LITERAL : typeof key === 'object');
    if (explicitKey) throw new Unsupported();
    const keyAt = at.nestedKey;
    const { indent } = keyAt;
    let keyCommentDone = false;
    let text = this.node(key, keyAt, () => (keyCommentDone = true), undefined);
    if (text.length > 1024) throw new Unsupported(); // yaml would make it an explicit key
    if (keyCommentDone) keyComment = null;
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
    let chompKeep = false;
    let valueCommentDone = false;
    const valueText = this.node(
      value,
      at.nested,
      () => (valueCommentDone = true),
      () => (chompKeep = true),
    );
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
    if (valueComment && !valueCommentDone) text += lineComment(text, indent, commentString(valueComment));
    else if (chompKeep && onChompKeep) onChompKeep();
    return text;
  }
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
