import type { Document, Scalar, ScalarTag } from 'yaml';
import { stringifyString, type StringifyContext } from 'yaml/util';
import { commentString } from './yaml-comments.js';

/**
 * How a catalog writes what yaml lets a writer choose: `[ de ]` or `[de]` for flow collections,
 * which only hand-written catalogs hold. A merge keeps the style the catalog was written in.
 */
export interface CatalogStyle {
  readonly flowCollectionPadding: boolean;
}

/** yaml's default, and errgen's for a catalog with no flow collection to take a style from. */
export const paddedFlow: CatalogStyle = { flowCollectionPadding: true };

/** The indentation step of serializeCatalog's `indent: 2`, for everything that lays out its text. */
export const indentStep = '  ';

const coreTags = new Set(['map', 'seq', 'str', 'null', 'bool', 'int', 'float', 'merge'].map((name) => `tag:yaml.org,2002:${name}`));

/**
 * What fast-write.ts needs to hand a node to yaml's own stringifier: the context yaml's
 * createStringifyContext would build for `toString({ lineWidth: 0, indent: 2, indentSeq: true })`
 * (yaml does not export it), placed at a node's indentation, and yaml's choice of tag for a scalar.
 */
export class YamlHandOff {
  /** Documents whose scalars yaml writes by the core schema's rules alone (what isPlainAsIs assumes). */
  static supports({ schema }: Document): boolean {
    return schema.name === 'core' && !schema.compat && !schema.toStringOptions && schema.tags.every((tag) => !tag.default || coreTags.has(tag.tag));
  }

  /** Top-level block scalars are indented when the document has a comment after them. */
  forceBlockIndent = false;
  private readonly base: StringifyContext;

  constructor(
    private readonly doc: Document,
    style: CatalogStyle = paddedFlow,
  ) {
    this.base = {
      anchors: new Set(),
      doc,
      flowCollectionPadding: style.flowCollectionPadding ? ' ' : '',
      indent: '',
      indentStep,
      inFlow: null,
      options: {
        blockQuote: true,
        commentString,
        defaultKeyType: null,
        defaultStringType: 'PLAIN',
        directives: null,
        doubleQuotedAsJSON: false,
        doubleQuotedMinMultiLineLength: 40,
        falseStr: 'false',
        flowCollectionPadding: style.flowCollectionPadding,
        indentSeq: true,
        lineWidth: 0,
        minContentWidth: 20,
        nullStr: 'null',
        simpleKeys: false,
        singleQuote: null,
        trailingComma: false,
        trueStr: 'true',
        verifyAliasOrder: true,
      },
    };
  }

  /** The context yaml passes to a node at this indentation; yaml's string tag adds `actualString`. */
  context(indent: string, implicitKey: boolean, actualString: boolean): StringifyContext {
    const context: StringifyContext = { ...this.base, indent, implicitKey, forceBlockIndent: this.forceBlockIndent };
    if (actualString) context.actualString = true;
    return context;
  }

  /**
   * An untagged scalar as yaml's stringify() writes it: the tag yaml's getTagObject picks for the
   * value writes it. Undefined if that tag is not one yaml leaves implicit (it would write `!tag`).
   */
  scalar(node: Scalar, indent: string, implicitKey: boolean, onComment?: () => void, onChompKeep?: () => void): string | undefined {
    const tag = this.tagFor(node);
    if (!tag) return undefined;
    const context = this.context(indent, implicitKey, false);
    return tag.stringify ? tag.stringify(node, context, onComment, onChompKeep) : stringifyString(node, context, onComment, onChompKeep);
  }

  private tagFor(node: Scalar): ScalarTag | undefined {
    const value = node.value;
    let match = this.doc.schema.tags.filter((tag) => tag.identify?.(value));
    if (match.length > 1) {
      const tested = match.filter((tag) => tag.test);
      if (tested.length > 0) match = tested;
    }
    const tag = match.find((t) => t.format === node.format) ?? match.find((t) => !t.format);
    return tag && tag.default && !('collection' in tag && tag.collection) ? (tag as ScalarTag) : undefined;
  }
}
