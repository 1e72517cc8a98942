import type { Heading, Nodes, Root, RootContent, Table } from 'mdast';
import type { Location } from '../diagnostics.js';
import { markupTags, readText } from './cell-text.js';
import type { MarkdownCell, MarkdownTable } from './read-tables.js';

/** A table as remark read it, with the lines its rows sit on (in the text remark was given). */
export interface RemarkTable {
  readonly table: MarkdownTable;
  /** Whether the table is a direct child of the document (not inside a block quote or list). */
  readonly topLevel: boolean;
  /** The line of the header row; the delimiter row is the next one. */
  readonly headerLine: number;
  /** The line of each body row. */
  readonly rowLines: readonly number[];
}

export interface RemarkReading {
  readonly tables: RemarkTable[];
  /** Link and footnote definitions, written so that another document defines the same labels. */
  readonly definitions: string[];
}

type Parse = (markdown: string) => Root;
let parser: Promise<Parse> | undefined;

/**
 * remark-parse + remark-gfm, loaded once and only when Markdown is read; with remark-frontmatter, as
 * docs sites (Docusaurus, Hugo, Jekyll) start pages with `---` YAML or `+++` TOML front matter, which
 * CommonMark alone reads as a heading (`title: Errors` over `---`).
 */
export function remarkParser(): Promise<Parse> {
  parser ??= (async () => {
    const [{ unified }, { default: remarkParse }, { default: remarkGfm }, { default: remarkFrontmatter }, { parse: parseYaml }] = await Promise.all([
      import('unified'),
      import('remark-parse'),
      import('remark-gfm'),
      import('remark-frontmatter'),
      import('yaml'),
    ]);
    const processor = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml', 'toml']);
    const withoutFrontmatter = unified().use(remarkParse).use(remarkGfm);
    // YAML front matter is a mapping (`title: …`). A page that starts with a rule (`---`) and has
    // another one further down has none: what lies between is the page's (its tables too).
    const isMapping = (text: string) => {
      try {
        const value: unknown = parseYaml(text);
        return value === null || (typeof value === 'object' && !Array.isArray(value));
      } catch {
        return false;
      }
    };
    return (markdown: string) => {
      const tree = processor.parse(markdown);
      const first = tree.children[0];
      return first?.type === 'yaml' && !isMapping(first.value) ? withoutFrontmatter.parse(markdown) : tree;
    };
  })();
  return parser;
}

/**
 * Every table of a remark tree, in source order, with the text of the nearest heading above it.
 * `toLine` maps a line of the parsed text to the line diagnostics should name (the identity unless
 * the text is an excerpt of a larger document).
 */
export function tablesOfTree(
  tree: Root,
  markdown: string,
  file: string,
  toLine: (line: number) => number = (line) => line,
  withDefinitions = true,
): RemarkReading {
  const tables: RemarkTable[] = [];
  const definitions: string[] = [];
  let heading: HeadingRead | undefined;
  const location = (point: { line: number; column: number } | undefined): Location => ({ file, line: toLine(point?.line ?? 1), column: point?.column ?? 1 });
  // Tables may sit inside block quotes or list items; headings only at any block level.
  const walk = (nodes: readonly RootContent[], topLevel: boolean): void => {
    for (const node of nodes) {
      if (node.type === 'heading') heading = readHeading(node, markdown, location);
      else if (node.type === 'table') tables.push(toTable(node, heading, topLevel, markdown, location));
      else if (node.type === 'blockquote' || node.type === 'list' || node.type === 'listItem') walk(node.children, false);
    }
  };
  walk(tree.children, true);
  if (withDefinitions) collectDefinitions(tree, definitions);
  return { tables, definitions };
}

function toTable(
  table: Table,
  heading: HeadingRead | undefined,
  topLevel: boolean,
  markdown: string,
  location: (point: { line: number; column: number } | undefined) => Location,
): RemarkTable {
  const [headerRow, ...bodyRows] = table.children;
  const cells = (row: typeof headerRow): MarkdownCell[] =>
    (row?.children ?? []).map((cell) => {
      const { text, tagsKept } = readText(cell.children, markdown);
      const at = location(cellPoint(cell));
      const kept = tagsKept.map(({ tag, at: point }) => ({ tag, at: point ? location(point) : at }));
      const read: MarkdownCell = { text, at, ...(kept.length > 0 ? { tagsKept: kept } : {}), ...(isStruck(cell) ? { struck: true as const } : {}) };
      return underscoreEmphasis(cell, markdown) ? { ...read, underscoresRead: true } : read;
    });
  return {
    table: {
      heading: heading?.text,
      ...(heading?.tagsKept ? { headingTagsKept: heading.tagsKept } : {}),
      at: location(table.position?.start),
      header: cells(headerRow),
      rows: bodyRows.map(cells),
    },
    topLevel,
    headerLine: table.position?.start.line ?? 1,
    rowLines: bodyRows.map((row) => row.position?.start.line ?? 0),
  };
}

/** Whether some of the cell is struck through: GFM's `~~OLD~~`, or HTML's `<del>`, `<s>` or `<strike>` element, as pages converted from HTML write it. */
function isStruck(cell: Table['children'][number]['children'][number]): boolean {
  return hasNode(cell, 'delete') || hasStrikeElement(cell);
}

/** Whether a `<del>`, `<s>` or `<strike>` start tag in the cell is markup, as cell-text reads tags (`<del />` strikes nothing). */
function hasStrikeElement(cell: Table['children'][number]['children'][number]): boolean {
  return markupTags(cell.children).some(({ tag, markup }) => markup && strikeStart.test(tag));
}

const strikeStart = /^<(?:del|s|strike)(?:\s[^>]*[^/>])?>$/i;

/** Whether a node of this type is anywhere in the node (`**~~OLD~~**` has a strikethrough too). */
function hasNode(node: Nodes, type: Nodes['type']): boolean {
  return 'children' in node && node.children.some((child) => child.type === type || hasNode(child, type));
}

/** Whether remark read a pair of underscores in the node as emphasis or strong emphasis. */
function underscoreEmphasis(node: Nodes, markdown: string): boolean {
  if ((node.type === 'emphasis' || node.type === 'strong') && markdown[node.position?.start.offset ?? -1] === '_') return true;
  return 'children' in node && node.children.some((child) => underscoreEmphasis(child, markdown));
}

/** Point at the cell's content, not at its leading pipe. */
function cellPoint(cell: Table['children'][number]['children'][number]): { line: number; column: number } | undefined {
  const first = cell.children[0]?.position?.start;
  if (first) return first;
  const start = cell.position?.start;
  const startsWithPipe = start !== undefined && start.column === 1;
  return start && { line: start.line, column: start.column + (startsWithPipe ? 1 : 0) };
}

interface HeadingRead {
  readonly text: string;
  /** Tags kept as text, as a cell keeps them (`## Limits <token>`); only when there are some. */
  readonly tagsKept?: MarkdownTable['headingTagsKept'];
}

/** A heading's plain text (as a cell's, so tags and anchors in it are dropped) on one line, and the tags it kept as text. */
function readHeading(heading: Heading, markdown: string, location: (point: { line: number; column: number } | undefined) => Location): HeadingRead {
  const { text, tagsKept } = readText(heading.children, markdown);
  const oneLine = text.replace(/[ \t\r\n]+/g, ' ').replace(/^ | $/g, '');
  if (tagsKept.length === 0) return { text: oneLine };
  return { text: oneLine, tagsKept: tagsKept.map(({ tag, at }) => ({ tag, at: location(at ?? heading.position?.start) })) };
}

/**
 * Whether `[text][label]` or `[^note]` is a reference depends on a definition anywhere in the
 * document. The identifier is the normalized label, so writing it back defines the same label.
 */
function collectDefinitions(node: Nodes, out: string[]): void {
  if (node.type === 'definition') out.push(`[${node.identifier}]: #`);
  else if (node.type === 'footnoteDefinition') out.push(`[^${node.identifier}]: note`);
  if ('children' in node) for (const child of node.children) collectDefinitions(child, out);
}
