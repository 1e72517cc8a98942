import type { Heading, Root, RootContent, Table } from 'mdast';
import type { Location } from '../diagnostics.js';
import { plainText } from './cell-text.js';

export interface MarkdownCell {
  readonly text: string;
  readonly at: Location;
}

export interface MarkdownTable {
  /** Text of the nearest heading above the table, or undefined when there is none. */
  readonly heading: string | undefined;
  readonly at: Location;
  readonly header: readonly MarkdownCell[];
  readonly rows: readonly (readonly MarkdownCell[])[];
}

/** Every GFM table in a Markdown document, with positions, in source order. */
export async function readTables(markdown: string, file: string): Promise<MarkdownTable[]> {
  const [{ unified }, { default: remarkParse }, { default: remarkGfm }] = await Promise.all([
    import('unified'),
    import('remark-parse'),
    import('remark-gfm'),
  ]);
  const tree: Root = unified().use(remarkParse).use(remarkGfm).parse(markdown);
  const tables: MarkdownTable[] = [];
  let heading: string | undefined;
  // Tables may sit inside block quotes or list items; headings only at any block level.
  const walk = (nodes: readonly RootContent[]): void => {
    for (const node of nodes) {
      if (node.type === 'heading') heading = headingText(node, markdown);
      else if (node.type === 'table') tables.push(toTable(node, heading, file, markdown));
      else if (node.type === 'blockquote' || node.type === 'list' || node.type === 'listItem') walk(node.children);
    }
  };
  walk(tree.children);
  return tables;
}

function toTable(table: Table, heading: string | undefined, file: string, markdown: string): MarkdownTable {
  const [headerRow, ...bodyRows] = table.children;
  const cells = (row: typeof headerRow) =>
    (row?.children ?? []).map((cell) => ({ text: plainText(cell.children, markdown), at: cellLocation(cell, file) }));
  return {
    heading,
    at: pointLocation(table.position?.start, file),
    header: cells(headerRow),
    rows: bodyRows.map(cells),
  };
}

/** Point at the cell's content, not at its leading pipe. */
function cellLocation(cell: Table['children'][number]['children'][number], file: string): Location {
  const first = cell.children[0]?.position?.start;
  if (first) return pointLocation(first, file);
  const start = cell.position?.start;
  const startsWithPipe = start !== undefined && start.column === 1;
  return pointLocation(start && { line: start.line, column: start.column + (startsWithPipe ? 1 : 0) }, file);
}

function pointLocation(point: { line: number; column: number } | undefined, file: string): Location {
  return { file, line: point?.line ?? 1, column: point?.column ?? 1 };
}

/** A heading's plain text (as a cell's, so tags and anchors in it are dropped) on one line. */
function headingText(heading: Heading, markdown: string): string {
  return plainText(heading.children, markdown).replace(/[ \t\r\n]+/g, ' ').replace(/^ | $/g, '');
}
