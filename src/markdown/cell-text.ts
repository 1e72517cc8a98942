import type { Html, PhrasingContent } from 'mdast';

/**
 * The plain text of a table cell or heading, deterministically: markup is dropped and its text kept
 * (inline code, emphasis, links, images by their alt text), `<br>` becomes a newline, other HTML tags
 * and comments are dropped, entities and `\|` are already decoded by remark. Non-ASCII text is kept.
 * A start tag that is not markup by its shape (see isMarkup: `Bearer <token>`, `List<String>`,
 * `after <time> seconds`) is the writer's text: it is kept as written, and listed in `tagsKept`
 * (Markdown renderers hide it).
 *
 * Spaces and tabs typed around a tag (`a <br> b`, `<a id="x"></a> CODE`) are layout and are trimmed
 * at the edges of each line; spaces written as `&#32;` are text and kept, so that any string can be
 * written (see src/lang/markdown.ts). remark has already trimmed the cell's own edges.
 */
export function plainText(nodes: readonly PhrasingContent[], source: string): string {
  return readText(nodes, source).text;
}

/** A tag kept as text, and where remark found the HTML it is in. */
export interface KeptTag {
  readonly tag: string;
  readonly at: { readonly line: number; readonly column: number } | undefined;
}

/** plainText, and the tags it kept as text (see isMarkup). */
export function readText(nodes: readonly PhrasingContent[], source: string): { text: string; tagsKept: readonly KeptTag[] } {
  const out = new TextBuilder(source, nodes);
  out.addAll(nodes);
  return { text: out.lines().join('\n'), tagsKept: out.tagsKept };
}

/**
 * HTML's void elements (html.spec.whatwg.org/#void-elements), whose start tags have no end tag: a
 * `<br>` or `<img …>` is markup alone.
 */
const voidElements = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);

/**
 * For each tag of a cell's HTML, in order: whether it is markup. Markup is what a page's writer
 * meant as markup: a start tag of a void element, self-closed (`<Badge />`), with attributes
 * (`<span class="x">`, `<a id="x">`), or ended later in the cell (`<b>JSON</b>`); an end tag whose
 * start tag was markup; and comments. A bare start tag never ended (`<token>`, `<time>`) is text,
 * whatever its name, as is an end tag nothing started.
 */
function markupDecisions(nodes: readonly PhrasingContent[]): boolean[] {
  return markupTags(nodes).map((tag) => tag.markup);
}

/** Each tag and comment of the nodes' HTML, in order, with whether it is markup (see markupDecisions). */
export function markupTags(nodes: readonly PhrasingContent[]): Array<{ readonly tag: string; readonly markup: boolean }> {
  const tags: string[] = [];
  const collect = (list: readonly PhrasingContent[]) => {
    for (const node of list) {
      if (node.type === 'html') tags.push(...(node.value.match(tagOrComment) ?? []));
      else if ('children' in node) collect(node.children as PhrasingContent[]);
    }
  };
  collect(nodes);
  const parts = tags.map((tag) => /^<(\/?)([A-Za-z][A-Za-z0-9-]*)([^>]*?)(\/?)>$/.exec(tag));
  const open = new Map<string, number>();
  const decide = (i: number): boolean => {
    const part = parts[i];
    if (!part) return true; // a comment
    const [, end, rawName, attributes, selfClosed] = part as unknown as [string, string, string, string, string];
    const name = rawName.toLowerCase();
    if (end) {
      const started = open.get(name) ?? 0;
      if (started > 0) open.set(name, started - 1);
      return started > 0;
    }
    const ended = parts.slice(i + 1).some((later) => later?.[1] === '/' && later[2]?.toLowerCase() === name);
    const markup = voidElements.has(name) || selfClosed === '/' || attributes.trim() !== '' || ended;
    if (markup && !voidElements.has(name) && selfClosed !== '/') open.set(name, (open.get(name) ?? 0) + 1);
    return markup;
  };
  return tags.map((tag, i) => ({ tag, markup: decide(i) }));
}

interface Char {
  readonly char: string;
  /** Typed next to a tag: dropped at a line's edge. */
  layout: boolean;
}

const lineBreakTag = /^<br\s*\/?>$/i;
const tagOrComment = /<\/?[A-Za-z][^>]*>|<!--[\s\S]*?-->/g;

class TextBuilder {
  readonly tagsKept: KeptTag[] = [];
  private readonly linesSoFar: Char[][] = [[]];
  /** How many spaces typed after the last tag are still to come in the next text. */
  private layoutAhead = 0;

  /** Made at the first tag (most cells have none); the next one to use: tags are met in the order markupDecisions found them. */
  private decisions: readonly boolean[] | undefined;
  private nextTag = 0;

  constructor(
    private readonly source: string,
    private readonly nodes: readonly PhrasingContent[],
  ) {}

  addAll(nodes: readonly PhrasingContent[]): void {
    for (const node of nodes) {
      switch (node.type) {
        case 'text':
        case 'inlineCode':
          this.text(node.value);
          break;
        case 'html':
          this.html(node);
          break;
        case 'break':
          this.newline();
          break;
        case 'image':
        case 'imageReference':
          this.text(node.alt ?? '');
          break;
        case 'footnoteReference':
          break;
        default:
          if ('children' in node) this.addAll(node.children as PhrasingContent[]);
      }
    }
  }

  lines(): string[] {
    return this.linesSoFar.map((line) => {
      let start = 0;
      let end = line.length;
      while (start < end && line[start]?.layout) start++;
      while (end > start && line[end - 1]?.layout) end--;
      return line
        .slice(start, end)
        .map((c) => c.char)
        .join('');
    });
  }

  private get current(): Char[] {
    return this.linesSoFar[this.linesSoFar.length - 1] as Char[];
  }

  private text(value: string): void {
    for (const char of value) {
      const layout = this.layoutAhead > 0 && (char === ' ' || char === '\t');
      this.layoutAhead = layout ? this.layoutAhead - 1 : 0;
      this.current.push({ char, layout });
    }
  }

  private newline(): void {
    this.linesSoFar.push([]);
    this.layoutAhead = 0;
  }

  /** A tag: the spaces typed right before and after it in the source are layout, not text. */
  private html(node: Html): void {
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (start !== undefined) this.markLayoutBefore(spacesBefore(this.source, start));
    if (lineBreakTag.test(node.value.trim())) {
      this.nextTag++; // its decision: markup (a void element)
      this.newline();
    } else this.text(decodeHtmlText(node.value.replace(tagOrComment, (tag) => this.markupOrText(tag, node))));
    this.layoutAhead = end === undefined ? 0 : spacesAfter(this.source, end);
  }

  /** '' for markup (a comment, a tag: see markupDecisions); any other tag as written, which the page's writer meant as text. */
  private markupOrText(tag: string, node: Html): string {
    this.decisions ??= markupDecisions(this.nodes);
    if (this.decisions[this.nextTag++] ?? true) return '';
    this.tagsKept.push({ tag, at: node.position?.start });
    return tag;
  }

  private markLayoutBefore(count: number): void {
    const line = this.current;
    for (let i = line.length - 1; i >= line.length - count && i >= 0; i--) {
      const c = line[i] as Char;
      if (c.char !== ' ' && c.char !== '\t') break;
      c.layout = true;
    }
  }
}

// Scanned by hand: slicing the document around every tag would make a page with many tags quadratic.

/** How many spaces and tabs end `source` just before `offset`. */
function spacesBefore(source: string, offset: number): number {
  let i = offset;
  while (i > 0 && isSpaceOrTab(source.charCodeAt(i - 1))) i--;
  return offset - i;
}

/** How many spaces and tabs start `source` at `offset`. */
function spacesAfter(source: string, offset: number): number {
  let i = offset;
  while (i < source.length && isSpaceOrTab(source.charCodeAt(i))) i++;
  return i - offset;
}

function isSpaceOrTab(code: number): boolean {
  return code === 0x20 || code === 0x09;
}

const namedEntities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** Raw HTML is not entity-decoded by remark; decode the few entities that can appear in it. */
function decodeHtmlText(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const cp = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(cp) && cp <= 0x10ffff ? String.fromCodePoint(cp) : whole;
    }
    return namedEntities[name.toLowerCase()] ?? whole;
  });
}
