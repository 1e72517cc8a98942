import { bail, HASH, leadingSpaces, restIsBlank, skipSpaces, SPACE, TAB } from './fast-lines.js';
import { blockScalar, closingQuote, quotedValue, resolvePlain } from './fast-scalars.js';

/**
 * A fast reader for the plain YAML that catalogs and configs are written in: block mappings and
 * sequences, comments, plain and quoted scalars, block scalars and one-line flow collections of
 * scalars. It gives exactly the value the `yaml` library would (YAML 1.2 core schema, with
 * `uniqueKeys` and `strict`), without building a document of nodes, or `undefined` when the text
 * uses anything it does not fully understand (anchors, tags, directives, multi-line plain scalars,
 * tabs as indentation, duplicate keys, …, or an error): the caller then runs the full parser, which
 * also says what is wrong. Every line is read once, by position; no regular expression backtracks.
 */
export function readYamlFast(text: string, maxDepth: number): { value: unknown } | undefined {
  try {
    return { value: new FastReader(text, maxDepth, false).document() };
  } catch {
    return undefined; // a bail-out, or anything unexpected: the full parser decides
  }
}

/**
 * Where the first collection nested deeper than `maxDepth` starts (0-based line and column), when
 * that is where the fast reader gives up; undefined otherwise. For the "nested too deeply" error of a
 * text so deep that yaml's parser runs out of stack, which would place it wherever that happened.
 */
export function nestingTooDeepAt(text: string, maxDepth: number): { line: number; column: number } | undefined {
  if (text.charCodeAt(0) === 0xfeff) return undefined;
  let reader: FastReader | undefined;
  try {
    reader = new FastReader(text, maxDepth, false); // refuses some texts at once (control characters, …)
    reader.document();
  } catch {
    return reader?.tooDeepAt;
  }
  return undefined;
}

/**
 * Where a value the fast reader read starts, as yaml's node for it would say (0-based line and
 * column), and where its parts start. `null` marks a part whose place this reader does not record
 * (a null value, a key that is not a string): asking for it means asking yaml.
 */
export interface FastPosition {
  readonly line: number;
  readonly column: number;
  /** A one-line scalar's end (exclusive), to find a character of its value where it is written. */
  readonly endColumn?: number;
  readonly items?: ReadonlyArray<FastPosition | null>;
  readonly keys?: ReadonlyMap<string, FastPosition | null>;
}

/**
 * For diagnostics: what readYamlFast reads, with the position of every node, so that a finding can
 * be placed without building yaml's document (at 100,000 codes, seconds and hundreds of megabytes).
 * Undefined when readYamlFast would give up, or for a text with a byte order mark (its columns differ).
 */
export function readYamlFastWithPositions(text: string, maxDepth: number): { value: unknown; position: FastPosition | null; lines: readonly string[] } | undefined {
  if (text.charCodeAt(0) === 0xfeff) return undefined;
  try {
    const reader = new FastReader(text, maxDepth, true);
    const value = reader.document();
    return { value, position: reader.position, lines: reader.lines };
  } catch {
    return undefined;
  }
}

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

/** Reads lines, indentation and collections; fast-scalars.ts decodes the scalars it finds. */
class FastReader {
  readonly lines: string[];
  /** Where the first collection nested past maxDepth starts, once the reader has given up on it. */
  tooDeepAt: { line: number; column: number } | undefined;
  /** With positions on: where the value read last starts (see FastPosition). */
  position: FastPosition | null = null;
  private readonly endsWithNewline: boolean;
  /** The current line. */
  private at = 0;
  /** Cache of nextContentIndent: the line it stopped at and that line's indentation. */
  private contentAt = -1;
  private contentIndent = -1;

  constructor(
    text: string,
    private readonly maxDepth: number,
    private readonly positions: boolean,
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

  /** Gives up on a collection nested past maxDepth, noting where it starts (on the current line). */
  private tooDeep(column: number): never {
    this.tooDeepAt = { line: this.at, column };
    return bail();
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
    if (depth > this.maxDepth) this.tooDeep(indent);
    const items: unknown[] = [];
    const places: Array<FastPosition | null> | undefined = this.positions ? [] : undefined;
    const start = this.at;
    const done = () => {
      if (places) this.position = { line: start, column: indent, items: places };
      return items;
    };
    for (;;) {
      items.push(this.valueAfterIndicator(this.line(), indent + 1, indent, depth, false));
      places?.push(this.position);
      const next = this.nextContentIndent();
      if (next < indent) return done();
      if (next > indent) bail();
      if (!isSequenceItem(this.line(), indent)) return done(); // the parent mapping's next key
    }
  }

  private blockMapping(indent: number, depth: number, first: Key): Record<string, unknown> {
    if (depth > this.maxDepth) this.tooDeep(indent);
    const mapping: Record<string, unknown> = {};
    const places: Map<string, FastPosition | null> | undefined = this.positions ? new Map() : undefined;
    const start = this.at;
    const done = () => {
      if (places) this.position = { line: start, column: indent, keys: places };
      return mapping;
    };
    let key = first;
    for (;;) {
      if (Object.hasOwn(mapping, key.name)) bail(); // a duplicate, or two spellings of one key
      setProperty(mapping, key.name, this.valueAfterIndicator(this.line(), key.valueStart, indent, depth, true));
      // yaml finds a path's name only under a key that is a string (not `404:` or `true:`).
      places?.set(key.name, key.isString ? this.position : null);
      const next = this.nextContentIndent();
      if (next < indent) return done();
      if (next > indent) bail();
      const line = this.line();
      if (isSequenceItem(line, indent)) return done(); // the parent decides whether that fits
      key = implicitKey(line, indent) ?? bail();
    }
  }

  /**
   * The value after `key:` or `- ` (from `start`, just past the indicator) in a collection at
   * column `indent` and nesting `depth`; leaves the current line at the first line after it.
   */
  private valueAfterIndicator(line: string, start: number, indent: number, depth: number, inMapping: boolean): unknown {
    const at = skipSpaces(line, start);
    const lineIndex = this.at;
    if (at === line.length || line.charCodeAt(at) === HASH) {
      // Nothing more on this line: a nested block on the next lines, or null.
      this.at++;
      const next = this.nextContentIndent();
      if (next > indent) return this.blockNode(next, depth + 1);
      if (inMapping && next === indent && isSequenceItem(this.line(), indent)) return this.blockSequence(indent, depth + 1);
      this.position = null; // where yaml places an empty value is not recorded
      return null;
    }
    if (!inMapping) {
      // A sequence item may open a compact sequence or mapping on its own line.
      if (isSequenceItem(line, at)) return this.blockSequence(at, depth + 1);
      const key = implicitKey(line, at);
      if (key) return this.blockMapping(at, depth + 1, key);
    }
    const ch = line[at];
    if (ch === '|' || ch === '>') {
      const scalar = blockScalar(this.lines, this.endsWithNewline, this.at, at, indent);
      this.at = scalar.nextLine;
      if (this.positions) this.position = { line: lineIndex, column: at };
      return scalar.value;
    }
    let value: unknown;
    let end: number;
    if (ch === '[' || ch === '{') ({ value, end } = this.flow(line, at, depth + 1));
    else if (ch === '"' || ch === "'") ({ value, end } = this.quoted(line, at, indent));
    else ({ value, end } = blockPlainScalar(line, at));
    // A flow collection recorded its own place; a quoted scalar over several lines records no end.
    if (this.positions && ch !== '[' && ch !== '{') {
      this.position = this.at === lineIndex ? { line: lineIndex, column: at, endColumn: end } : { line: lineIndex, column: at };
    }
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
        return { value: quotedValue(quote, source), end: close + 1 };
      }
      parts.push(line.slice(from));
      this.at++;
      line = this.line();
      const lineIndent = leadingSpaces(line);
      if (lineIndent < line.length && (line.charCodeAt(lineIndent) === TAB || lineIndent <= indent)) bail();
      from = 0;
    }
  }

  /** A flow sequence or mapping that closes on the same line; its items are scalars or flow collections. */
  private flow(line: string, start: number, depth: number): { value: unknown; end: number } {
    if (depth > this.maxDepth) this.tooDeep(start);
    const isSequence = line[start] === '[';
    const close = isSequence ? ']' : '}';
    const sequence: unknown[] = [];
    const mapping: Record<string, unknown> = {};
    const items: Array<FastPosition | null> | undefined = this.positions && isSequence ? [] : undefined;
    const keys: Map<string, FastPosition | null> | undefined = this.positions && !isSequence ? new Map() : undefined;
    const done = (end: number) => {
      if (this.positions) this.position = items ? { line: this.at, column: start, items } : { line: this.at, column: start, keys: keys! };
      return { value: isSequence ? sequence : mapping, end };
    };
    let i = skipSpaces(line, start + 1);
    if (line[i] === close) return done(i + 1);
    for (;;) {
      if (isSequence) {
        const item = this.flowNode(line, i, depth);
        sequence.push(item.value);
        items?.push(this.position);
        i = item.end;
      } else {
        const key = flowScalar(line, i);
        // `key: value`, with a space after the colon; `{a:1}` and `{a}` are left to the parser.
        if (line[key.end] !== ':' || line[key.end + 1] !== ' ') bail();
        const name = keyName(key.value, key.plain);
        if (Object.hasOwn(mapping, name)) bail();
        const value = this.flowNode(line, skipSpaces(line, key.end + 2), depth);
        setProperty(mapping, name, value.value);
        keys?.set(name, !key.plain || typeof key.value === 'string' ? this.position : null);
        i = value.end;
      }
      i = skipSpaces(line, i);
      if (line[i] === close) return done(i + 1);
      if (line[i] !== ',') bail();
      i = skipSpaces(line, i + 1);
      if (line[i] === close) bail(); // a trailing comma
    }
  }

  private flowNode(line: string, start: number, depth: number): { value: unknown; end: number } {
    const ch = line[start];
    if (ch === '[' || ch === '{') return this.flow(line, start, depth + 1);
    const scalar = flowScalar(line, start);
    if (this.positions) this.position = { line: this.at, column: start, endColumn: scalar.end };
    return scalar;
  }
}

interface Key {
  readonly name: string;
  /** Whether yaml's key is a string: quoted, or plain text that is not a number, boolean or null. */
  readonly isString: boolean;
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
    return { name: quotedValue(ch, source), isString: true, valueStart: close + 2 };
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
  const length = i - start;
  const recent = recentKeys[length];
  if (recent !== undefined && line.startsWith(recent.source, start)) return { name: recent.name, isString: recent.isString, valueStart: i + 1 };
  const source = line.slice(start, i);
  if (source === '<<') bail(); // a merge key in some schemas
  const resolved = resolvePlain(source);
  const key = { name: keyName(resolved, true), isString: typeof resolved === 'string', valueStart: i + 1 };
  if (length < recentKeyLengths) recentKeys[length] = { source, name: key.name, isString: key.isString };
  return key;
}

/**
 * The plain key of each length read last, with what it reads as: a catalog repeats a few keys
 * (`code:`, `message:` …) on every entry, and a key met again is not cut out of its line, resolved
 * and made a property name again (a third of the time of reading a big catalog's keys).
 */
const recentKeys: Array<{ readonly source: string; readonly name: string; readonly isString: boolean } | undefined> = [];
const recentKeyLengths = 64;

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
    return { value: quotedValue(ch, source), end: close + 1, plain: false };
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
