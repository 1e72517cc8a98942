/**
 * A fast reader for the plain YAML that catalogs and configs are written in: block mappings and
 * sequences, comments, plain and quoted scalars, block scalars and one-line flow collections of
 * scalars. It gives exactly the value the `yaml` library would (YAML 1.2 core schema, with
 * `uniqueKeys` and `strict`), without building a document of nodes, or `undefined` when the text
 * uses anything it does not fully understand (anchors, tags, directives, multi-line plain scalars,
 * tabs as indentation, duplicate keys, …, or an error): the caller then runs the full parser, which
 * also says what is wrong. Every line is read once, by position; no regular expression backtracks.
 */
export function readYamlFast(text: string, maxDepth = 64): { value: unknown } | undefined {
  try {
    return { value: new FastReader(text, maxDepth).document() };
  } catch {
    return undefined; // a bail-out, or anything unexpected: the full parser decides
  }
}

/** Thrown to give up; caught by readYamlFast alone. */
const bailOut = Symbol('bail out');
function bail(): never {
  throw bailOut;
}

const SPACE = 32;
const TAB = 9;
const HASH = 35;
const COLON = 58;
const DASH = 45;

/** Characters that cannot start a plain scalar (`-`, `?` and `:` can, unless white space follows). */
const indicators = new Set(',[]{}#&*!|>\'"%@`');
const flowIndicators = new Set(',[]{}');
/** C0 controls but tab and line feed (so also a lone \r): yaml writes them escaped. */
const unusualCharacter = /[\x00-\x08\x0b-\x1f]/;
/** The lexer skips a byte order mark at a line's start outside a document; inside one it is text. */
const byteOrderMarkAtLineStart = /(?:^|\n)\ufeff/;
/** Implicit keys longer than this are refused by the parser (its limit is 1024). */
const maxKeyLength = 1000;

class FastReader {
  private readonly lines: string[];
  private readonly endsWithNewline: boolean;
  /** The current line. */
  private at = 0;
  /** Cache of nextContentIndent: the line it stopped at and that line's indentation. */
  private contentAt = -1;
  private contentIndent = -1;

  constructor(
    text: string,
    private readonly maxDepth: number,
  ) {
    if (text.charCodeAt(0) === 0xfeff) {
      // A byte order mark the lexer skips, but yaml misreads an indented line or a `- ` item after it.
      text = text.slice(1);
      if (' -?:'.includes(text[0] ?? '')) bail();
    }
    if (text.includes('\r')) text = text.replace(/\r\n/g, '\n'); // a lone \r is caught below
    if (unusualCharacter.test(text) || byteOrderMarkAtLineStart.test(text)) bail();
    this.lines = text.split('\n');
    this.endsWithNewline = this.lines[this.lines.length - 1] === '';
    if (this.endsWithNewline) this.lines.pop();
  }

  document(): unknown {
    const indent = this.nextContentIndent();
    if (indent < 0) bail(); // empty, or only comments
    const line = this.line();
    let value: unknown;
    if (line[indent] === '[' || line[indent] === '{') {
      const flow = this.flow(line, indent, 1);
      if (!restIsBlank(line, flow.end)) bail();
      this.at++;
      value = flow.value;
    } else {
      value = this.blockNode(indent, 1);
    }
    if (this.nextContentIndent() >= 0) bail();
    return value;
  }

  private line(): string {
    return this.lines[this.at] ?? bail();
  }

  /**
   * Moves past blank and comment lines; the indentation of the line reached, or -1 at the end.
   * Gives up on what this reader does not handle at a line's start: tabs, directives, markers.
   */
  private nextContentIndent(): number {
    if (this.contentAt === this.at) return this.contentIndent;
    for (; this.at < this.lines.length; this.at++) {
      const line = this.lines[this.at]!;
      const indent = leadingSpaces(line);
      if (indent === line.length) continue;
      const ch = line.charCodeAt(indent);
      if (ch === HASH) continue;
      if (ch === TAB) bail();
      if (indent === 0 && (line[0] === '%' || line.startsWith('---') || line.startsWith('...'))) bail();
      this.contentAt = this.at;
      return (this.contentIndent = indent);
    }
    this.contentAt = this.at;
    return (this.contentIndent = -1);
  }

  /** A block mapping or sequence whose first line starts at column `indent` of the current line. */
  private blockNode(indent: number, depth: number): unknown {
    const line = this.line();
    if (isSequenceItem(line, indent)) return this.blockSequence(indent, depth);
    const key = implicitKey(line, indent);
    if (key) return this.blockMapping(indent, depth, key);
    return bail(); // a scalar on a line of its own
  }

  private blockSequence(indent: number, depth: number): unknown[] {
    if (depth > this.maxDepth) bail();
    const items: unknown[] = [];
    for (;;) {
      items.push(this.valueAfterIndicator(this.line(), indent + 1, indent, depth, false));
      const next = this.nextContentIndent();
      if (next < indent) return items;
      if (next > indent) bail();
      if (!isSequenceItem(this.line(), indent)) return items; // the parent mapping's next key
    }
  }

  private blockMapping(indent: number, depth: number, first: Key): Record<string, unknown> {
    if (depth > this.maxDepth) bail();
    const mapping: Record<string, unknown> = {};
    let key = first;
    for (;;) {
      if (Object.hasOwn(mapping, key.name)) bail(); // a duplicate, or two spellings of one key
      setProperty(mapping, key.name, this.valueAfterIndicator(this.line(), key.valueStart, indent, depth, true));
      const next = this.nextContentIndent();
      if (next < indent) return mapping;
      if (next > indent) bail();
      const line = this.line();
      if (isSequenceItem(line, indent)) return mapping; // the parent decides whether that fits
      key = implicitKey(line, indent) ?? bail();
    }
  }

  /**
   * The value after `key:` or `- ` (from `start`, just past the indicator) in a collection at
   * column `indent` and nesting `depth`; leaves the current line at the first line after it.
   */
  private valueAfterIndicator(line: string, start: number, indent: number, depth: number, inMapping: boolean): unknown {
    const at = skipSpaces(line, start);
    if (at === line.length || line.charCodeAt(at) === HASH) {
      // Nothing more on this line: a nested block on the next lines, or null.
      this.at++;
      const next = this.nextContentIndent();
      if (next > indent) return this.blockNode(next, depth + 1);
      if (inMapping && next === indent && isSequenceItem(this.line(), indent)) return this.blockSequence(indent, depth + 1);
      return null;
    }
    if (!inMapping) {
      // A sequence item may open a compact sequence or mapping on its own line.
      if (isSequenceItem(line, at)) return this.blockSequence(at, depth + 1);
      const key = implicitKey(line, at);
      if (key) return this.blockMapping(at, depth + 1, key);
    }
    const ch = line[at];
    if (ch === '|' || ch === '>') return this.blockScalar(line, at, indent);
    let value: unknown;
    let end: number;
    if (ch === '[' || ch === '{') ({ value, end } = this.flow(line, at, depth + 1));
    else if (ch === '"' || ch === "'") ({ value, end } = this.quoted(line, at, indent));
    else ({ value, end } = blockPlainScalar(line, at));
    if (!restIsBlank(this.line(), end)) bail();
    this.at++;
    if (this.nextContentIndent() > indent) bail(); // a continuation line (multi-line plain scalar) or misplaced content
    return value;
  }

  /**
   * A quoted scalar that may continue on the next lines (each indented past the collection at
   * `indent`, or blank); the current line becomes the one where it closes.
   */
  private quoted(line: string, start: number, indent: number): { value: string; end: number } {
    const quote = line[start]!;
    const parts: string[] = [];
    let from = start + 1;
    for (;;) {
      const close = closingQuote(line, from, quote);
      if (close >= 0) {
        parts.push(line.slice(from, close));
        const source = parts.join('\n');
        return { value: quote === '"' ? doubleQuotedValue(source) : singleQuotedValue(source), end: close + 1 };
      }
      parts.push(line.slice(from));
      this.at++;
      line = this.line();
      const lineIndent = leadingSpaces(line);
      if (lineIndent < line.length && (line.charCodeAt(lineIndent) === TAB || lineIndent <= indent)) bail();
      from = 0;
    }
  }

  /**
   * A block scalar (`|`, `>`, with chomping and indentation indicators) in a collection at column
   * `indent`, decoded as yaml's resolveBlockScalar does; leaves the current line after its lines.
   */
  private blockScalar(line: string, start: number, indent: number): string {
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
    let end = this.at + 1;
    for (; end < this.lines.length; end++) {
      const text = this.lines[end]!;
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
      if (end === this.lines.length && !this.endsWithNewline) bail();
      const blankLines = end - this.at - 1;
      this.at = end;
      return chomp === '+' ? '\n'.repeat(blankLines) : '';
    }
    let value = '\n'.repeat(first - this.at - 1); // leading blank lines
    if (folded) {
      value += this.foldedLines(first, last, contentIndent);
    } else {
      for (let n = first; n <= last; n++) value += (n > first ? '\n' : '') + this.lines[n]!.slice(contentIndent);
    }
    if (chomp === '') value += '\n';
    else if (chomp === '+') {
      const trailingBreaks = end - last - 1 + (end < this.lines.length || this.endsWithNewline ? 1 : 0);
      value += '\n'.repeat(trailingBreaks);
      if (!value.endsWith('\n')) value += '\n';
    }
    this.at = end;
    return value;
  }

  /** Lines `first`…`last` of a folded block scalar, folded as yaml's resolveBlockScalar does. */
  private foldedLines(first: number, last: number, contentIndent: number): string {
    let value = '';
    let separator = '';
    let previousMoreIndented = false;
    for (let n = first; n <= last; n++) {
      const text = this.lines[n]!;
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

  /** A flow sequence or mapping that closes on the same line; its items are scalars or flow collections. */
  private flow(line: string, start: number, depth: number): { value: unknown; end: number } {
    if (depth > this.maxDepth) bail();
    const isSequence = line[start] === '[';
    const close = isSequence ? ']' : '}';
    const sequence: unknown[] = [];
    const mapping: Record<string, unknown> = {};
    let i = skipSpaces(line, start + 1);
    if (line[i] === close) return { value: isSequence ? sequence : mapping, end: i + 1 };
    for (;;) {
      if (isSequence) {
        const item = this.flowNode(line, i, depth);
        sequence.push(item.value);
        i = item.end;
      } else {
        const key = flowScalar(line, i);
        // `key: value`, with a space after the colon; `{a:1}` and `{a}` are left to the parser.
        if (line[key.end] !== ':' || line[key.end + 1] !== ' ') bail();
        const name = keyName(key.value, key.plain);
        if (Object.hasOwn(mapping, name)) bail();
        const value = this.flowNode(line, skipSpaces(line, key.end + 2), depth);
        setProperty(mapping, name, value.value);
        i = value.end;
      }
      i = skipSpaces(line, i);
      if (line[i] === close) return { value: isSequence ? sequence : mapping, end: i + 1 };
      if (line[i] !== ',') bail();
      i = skipSpaces(line, i + 1);
      if (line[i] === close) bail(); // a trailing comma
    }
  }

  private flowNode(line: string, start: number, depth: number): { value: unknown; end: number } {
    const ch = line[start];
    if (ch === '[' || ch === '{') return this.flow(line, start, depth + 1);
    return flowScalar(line, start);
  }
}

interface Key {
  readonly name: string;
  /** Just past the `:`. */
  readonly valueStart: number;
}

/**
 * The implicit key (`name:` followed by a space or the line's end) at `start`, as the property
 * name yaml's toJS would give it; undefined when the text there is not a key.
 */
function implicitKey(line: string, start: number): Key | undefined {
  const ch = line[start];
  if (ch === '"' || ch === "'") {
    const close = closingQuote(line, start + 1, ch);
    if (close < 0 || line.charCodeAt(close + 1) !== COLON || !spaceOrEnd(line, close + 2)) return undefined;
    const source = line.slice(start + 1, close);
    if (close - start > maxKeyLength) bail();
    return { name: ch === '"' ? doubleQuotedValue(source) : singleQuotedValue(source), valueStart: close + 2 };
  }
  if (!canStartPlain(line, start, false)) return undefined;
  let end = start;
  let i = start;
  for (; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c === COLON) {
      if (spaceOrEnd(line, i + 1)) break;
      if (line.charCodeAt(i + 1) === TAB) bail();
      end = i + 1;
    } else if (c === SPACE || c === TAB) {
      if (line.charCodeAt(i + 1) === HASH) return undefined; // a comment before any `: `
    } else {
      end = i + 1;
    }
  }
  if (i === line.length) return undefined;
  if (end !== i || i - start > maxKeyLength) bail(); // space before the colon, or a key the parser refuses
  const source = line.slice(start, i);
  if (source === '<<') bail(); // a merge key in some schemas
  return { name: keyName(resolvePlain(source), true), valueStart: i + 1 };
}

/** A plain scalar in block context that ends the line (or meets ` #`). */
function blockPlainScalar(line: string, start: number): { value: unknown; end: number } {
  if (!canStartPlain(line, start, false)) bail();
  let end = start;
  for (let i = start; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c === COLON) {
      if (spaceOrEnd(line, i + 1) || line.charCodeAt(i + 1) === TAB) bail(); // `a: b: c`
      end = i + 1;
    } else if (c === SPACE || c === TAB) {
      if (line.charCodeAt(i + 1) === HASH) break;
    } else {
      end = i + 1;
    }
  }
  return { value: resolvePlain(line.slice(start, end)), end };
}

/** A scalar inside a flow collection: quoted on one line, or plain up to a flow indicator. */
function flowScalar(line: string, start: number): { value: unknown; end: number; plain: boolean } {
  const ch = line[start];
  if (ch === '"' || ch === "'") {
    const close = closingQuote(line, start + 1, ch);
    if (close < 0) bail(); // a flow collection over several lines
    const source = line.slice(start + 1, close);
    return { value: ch === '"' ? doubleQuotedValue(source) : singleQuotedValue(source), end: close + 1, plain: false };
  }
  if (!canStartPlain(line, start, true)) bail();
  let end = start;
  for (let i = start; i < line.length; i++) {
    const c = line[i]!;
    if (c === ':') {
      const next = line[i + 1];
      if (next === undefined || next === ' ' || next === '\t' || flowIndicators.has(next)) break;
      end = i + 1;
    } else if (c === ' ' || c === '\t') {
      const next = line[i + 1];
      if (next === '#') bail(); // a comment inside a flow collection
      if (next !== undefined && flowIndicators.has(next)) break;
    } else if (flowIndicators.has(c)) {
      break;
    } else {
      end = i + 1;
    }
  }
  return { value: resolvePlain(line.slice(start, end)), end, plain: true };
}

function canStartPlain(line: string, start: number, inFlow: boolean): boolean {
  const ch = line[start];
  if (ch === undefined || ch === ' ' || ch === '\t' || indicators.has(ch)) return false;
  if (ch !== '-' && ch !== '?' && ch !== ':') return true;
  const next = line[start + 1];
  return !(next === undefined || next === ' ' || next === '\t' || (inFlow && flowIndicators.has(next)));
}

/** `-` followed by a space or the line's end, at `start`. */
function isSequenceItem(line: string, start: number): boolean {
  if (line.charCodeAt(start) !== DASH) return false;
  if (line.charCodeAt(start + 1) === TAB) bail();
  return spaceOrEnd(line, start + 1);
}

function spaceOrEnd(line: string, at: number): boolean {
  return at >= line.length || line.charCodeAt(at) === SPACE;
}

/** Whether only white space, or white space and a comment, follows `from`. */
function restIsBlank(line: string, from: number): boolean {
  let i = from;
  while (line.charCodeAt(i) === SPACE || line.charCodeAt(i) === TAB) i++;
  return i >= line.length || (line.charCodeAt(i) === HASH && i > from);
}

function leadingSpaces(line: string): number {
  let i = 0;
  while (line.charCodeAt(i) === SPACE) i++;
  return i;
}

function skipSpaces(line: string, from: number): number {
  let i = from;
  while (line.charCodeAt(i) === SPACE) i++;
  return i;
}

/** Where the quote that closes a scalar opened before `from` is on this line, or -1. */
function closingQuote(line: string, from: number, quote: string): number {
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

/** A property name as yaml's toJS writes a scalar key: null as '', others through String. */
function keyName(value: unknown, plain: boolean): string {
  if (!plain) return value as string;
  return value === null ? '' : String(value);
}

/**
 * As yaml's toJS: a key an object inherits is defined, not assigned. That differs from assigning
 * only for `__proto__`, the one accessor on Object.prototype.
 */
function setProperty(target: Record<string, unknown>, name: string, value: unknown): void {
  if (name === '__proto__') Object.defineProperty(target, name, { value, writable: true, enumerable: true, configurable: true });
  else target[name] = value;
}

/** A plain scalar resolved by the YAML 1.2 core schema, with yaml's tests in yaml's order. */
function resolvePlain(source: string): unknown {
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
