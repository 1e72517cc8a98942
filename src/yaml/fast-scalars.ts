/**
 * Scalar decoding for the fast YAML reader (fast-read.ts finds where each scalar is): plain
 * scalars resolved by the YAML 1.2 core schema, single- and double-quoted text with its folding
 * and escapes, and block scalars, each giving exactly what the `yaml` library gives or bailing.
 */
import { bail, leadingSpaces, restIsBlank, SPACE, TAB } from './fast-lines.js';

/** A plain scalar resolved by the YAML 1.2 core schema, with yaml's tests in yaml's order. */
export function resolvePlain(source: string): unknown {
  switch (source[0]) {
    case undefined:
    case '~':
    case 'n':
    case 'N':
      return /^(?:~|[Nn]ull|NULL)?$/.test(source) ? null : source;
    case 't':
    case 'T':
    case 'f':
    case 'F':
      return /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/.test(source) ? source[0] === 't' || source[0] === 'T' : source;
    case '+':
    case '-':
    case '.':
    case '0':
    case '1':
    case '2':
    case '3':
    case '4':
    case '5':
    case '6':
    case '7':
    case '8':
    case '9':
      return resolveNumber(source);
    default:
      return source;
  }
}

function resolveNumber(source: string): unknown {
  if (/^0o[0-7]+$/.test(source)) return parseInt(source.substring(2), 8);
  if (/^[-+]?[0-9]+$/.test(source)) return parseInt(source, 10);
  if (/^0x[0-9a-fA-F]+$/.test(source)) return parseInt(source.substring(2), 16);
  if (/^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/.test(source)) {
    if (source.slice(-3).toLowerCase() === 'nan') return NaN;
    return source[0] === '-' ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
  }
  if (/^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/.test(source)) return parseFloat(source);
  if (/^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/.test(source)) return parseFloat(source);
  return source;
}

/** Where the quote that closes a scalar opened before `from` is on this line, or -1. */
export function closingQuote(line: string, from: number, quote: string): number {
  for (let i = from; i < line.length; i++) {
    const ch = line[i];
    if (quote === '"') {
      if (ch === '\\') i++;
      else if (ch === '"') return i;
    } else if (ch === "'") {
      if (line[i + 1] !== "'") return i;
      i++;
    }
  }
  return -1;
}

/** The text between `quote`s (which may span lines) decoded as yaml decodes that kind of quoted scalar. */
export function quotedValue(quote: string, source: string): string {
  return quote === '"' ? doubleQuotedValue(source) : singleQuotedValue(source);
}

/** Lines of a single-quoted scalar folded, and `''` read as `'`, as yaml's singleQuotedValue does. */
function singleQuotedValue(source: string): string {
  return foldQuotedLines(source).replace(/''/g, "'");
}

/** yaml's unfoldLines: a line break is a space, n empty lines are n line breaks; edges trimmed. */
function foldQuotedLines(source: string): string {
  if (!source.includes('\n')) return source;
  const lines = source.split('\n');
  let value = trimEnd(lines[0]!);
  let separator = ' ';
  for (let n = 1; n < lines.length - 1; n++) {
    const text = trimEnd(trimStart(lines[n]!));
    if (text === '') {
      if (separator === '\n') value += separator;
      else separator = '\n';
    } else {
      value += separator + text;
      separator = ' ';
    }
  }
  return value + separator + trimStart(lines[lines.length - 1]!);
}

function trimStart(text: string): string {
  let i = 0;
  while (text.charCodeAt(i) === SPACE || text.charCodeAt(i) === TAB) i++;
  return text.slice(i);
}

function trimEnd(text: string): string {
  let i = text.length;
  while (text.charCodeAt(i - 1) === SPACE || text.charCodeAt(i - 1) === TAB) i--;
  return text.slice(0, i);
}

const escapes: Readonly<Record<string, string>> = {
  '0': '\0',
  a: '\x07',
  b: '\b',
  e: '\x1b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
  N: '\u0085',
  _: '\u00a0',
  L: '\u2028',
  P: '\u2029',
  ' ': ' ',
  '"': '"',
  '/': '/',
  '\\': '\\',
  '\t': '\t',
};

/** The text between double quotes decoded as yaml's doubleQuotedValue does; an invalid escape bails. */
function doubleQuotedValue(source: string): string {
  if (!source.includes('\\') && !source.includes('\n')) return source;
  let value = '';
  for (let i = 0; i < source.length; i++) {
    const ch = source[i]!;
    if (ch === '\n') {
      // A line break folds to a space; n empty lines to n line breaks; the next line's indentation goes.
      let fold = '';
      let next = source[i + 1];
      while (next === ' ' || next === '\t' || next === '\n') {
        if (next === '\n') fold += '\n';
        next = source[++i + 1];
      }
      value += fold || ' ';
    } else if (ch === '\\') {
      const next = source[++i];
      const escaped = next === undefined ? undefined : escapes[next];
      if (escaped !== undefined) {
        value += escaped;
      } else if (next === '\n') {
        // An escaped line break: nothing, and the next line's indentation goes.
        while (source[i + 1] === ' ' || source[i + 1] === '\t') i++;
      } else if (next === 'x' || next === 'u' || next === 'U') {
        const length = next === 'x' ? 2 : next === 'u' ? 4 : 8;
        const hex = source.substr(i + 1, length);
        if (hex.length !== length || !/^[0-9a-fA-F]+$/.test(hex)) bail();
        value += String.fromCodePoint(parseInt(hex, 16)); // throws past U+10FFFF, which bails too
        i += length;
      } else {
        bail(); // yaml reports an invalid escape
      }
    } else if (ch === ' ' || ch === '\t') {
      // White space before a line break is dropped.
      const start = i;
      while (source[i + 1] === ' ' || source[i + 1] === '\t') i++;
      if (source[i + 1] !== '\n') value += source.slice(start, i + 1);
    } else {
      value += ch;
    }
  }
  return value;
}

/**
 * A block scalar (`|`, `>`, with chomping and indentation indicators) whose indicator is at column
 * `start` of line `header`, in a collection at column `indent`, decoded as yaml's resolveBlockScalar
 * does; `nextLine` is the first line after it.
 */
export function blockScalar(
  lines: readonly string[],
  endsWithNewline: boolean,
  header: number,
  start: number,
  indent: number,
): { value: string; nextLine: number } {
  const line = lines[header]!;
  const folded = line[start] === '>';
  let chomp = '';
  let indicated = 0;
  let i = start + 1;
  for (; i < line.length && line.charCodeAt(i) !== SPACE && line.charCodeAt(i) !== TAB; i++) {
    const ch = line[i]!;
    if (!chomp && (ch === '-' || ch === '+')) chomp = ch;
    else if (!indicated && ch >= '1' && ch <= '9') indicated = Number(ch);
    else bail();
  }
  if (!restIsBlank(line, i)) bail();
  // The content indentation is given, or that of the first non-blank line.
  let contentIndent = indicated ? indent + indicated : -1;
  let widestLeadingBlank = 0;
  let first = -1;
  let last = -1;
  let end = header + 1;
  for (; end < lines.length; end++) {
    const text = lines[end]!;
    const spaces = leadingSpaces(text);
    if (spaces === text.length) {
      // Blank lines wider than the content indentation keep spaces, or are errors: not handled.
      if (contentIndent >= 0 ? spaces > contentIndent : false) bail();
      widestLeadingBlank = Math.max(widestLeadingBlank, spaces);
      continue;
    }
    if (spaces <= indent) {
      if (text.charCodeAt(spaces) === TAB) bail(); // an error if it ends the scalar
      break;
    }
    if (contentIndent < 0) contentIndent = spaces;
    if (spaces < contentIndent || widestLeadingBlank > contentIndent) bail();
    if (first < 0) first = end;
    last = end;
  }
  if (first < 0) {
    // Only blank lines: yaml gives '' or, kept, a line break per blank line.
    if (end === lines.length && !endsWithNewline) bail();
    const blankLines = end - header - 1;
    return { value: chomp === '+' ? '\n'.repeat(blankLines) : '', nextLine: end };
  }
  let value = '\n'.repeat(first - header - 1); // leading blank lines
  if (folded) {
    value += foldedLines(lines, first, last, contentIndent);
  } else {
    for (let n = first; n <= last; n++) value += (n > first ? '\n' : '') + lines[n]!.slice(contentIndent);
  }
  if (chomp === '') value += '\n';
  else if (chomp === '+') {
    const trailingBreaks = end - last - 1 + (end < lines.length || endsWithNewline ? 1 : 0);
    value += '\n'.repeat(trailingBreaks);
    if (!value.endsWith('\n')) value += '\n';
  }
  return { value, nextLine: end };
}

/** Lines `first`…`last` of a folded block scalar, folded as yaml's resolveBlockScalar does. */
function foldedLines(lines: readonly string[], first: number, last: number, contentIndent: number): string {
  let value = '';
  let separator = '';
  let previousMoreIndented = false;
  for (let n = first; n <= last; n++) {
    const text = lines[n]!;
    const spaces = leadingSpaces(text);
    if (spaces > contentIndent || text.charCodeAt(spaces) === TAB) {
      // More-indented lines keep their line breaks.
      if (separator === ' ') separator = '\n';
      else if (!previousMoreIndented && separator === '\n') separator = '\n\n';
      value += separator + text.slice(contentIndent);
      separator = '\n';
      previousMoreIndented = true;
    } else if (spaces === text.length) {
      if (separator === '\n') value += '\n';
      else separator = '\n';
    } else {
      value += separator + text.slice(spaces);
      separator = ' ';
      previousMoreIndented = false;
    }
  }
  return value;
}
