import type { PhrasingContent, TableCell } from 'mdast';

/**
 * The plain text of a table cell, deterministically: markup is dropped and its text kept
 * (inline code, emphasis, links, images by their alt text), `<br>` becomes a newline, other
 * HTML tags are dropped, entities and `\|` are already decoded by remark, and surrounding
 * whitespace is trimmed. Non-ASCII text is kept as is.
 */
export function cellText(cell: TableCell): string {
  return phrasingText(cell.children)
    .split('\n')
    .map((line) => line.trim())
    .join('\n')
    .trim();
}

const lineBreakTag = /^<br\s*\/?>$/i;
const anyTag = /<\/?[A-Za-z][^>]*>/g;

function phrasingText(nodes: readonly PhrasingContent[]): string {
  let out = '';
  for (const node of nodes) {
    switch (node.type) {
      case 'text':
      case 'inlineCode':
        out += node.value;
        break;
      case 'html':
        out += lineBreakTag.test(node.value.trim()) ? '\n' : decodeHtmlText(node.value.replace(anyTag, ''));
        break;
      case 'break':
        out += '\n';
        break;
      case 'image':
      case 'imageReference':
        out += node.alt ?? '';
        break;
      case 'footnoteReference':
        break;
      default:
        if ('children' in node) out += phrasingText(node.children as PhrasingContent[]);
    }
  }
  return out;
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
