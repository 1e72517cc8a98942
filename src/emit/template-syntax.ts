/**
 * A syntax error in a user's template, where it is and in words. Handlebars' parser (jison) says
 * `Parse error on line 3:` with a drawing of the text around it (line breaks removed) and a list of
 * token names (`Expecting 'CLOSE', 'ID', got 'INVALID'`); its lexer still holds the place of the token
 * it stopped at, which gives the column.
 */
import type Handlebars from 'handlebars';

/** A template's lines as Handlebars counts them: `\r\n`, `\r` and `\n` each end one. */
export function templateLines(text: string): string[] {
  return text.split(/\r\n?|\n/);
}

/** The line (1-based) and column (0-based, as Handlebars counts them) of an offset in a template's text. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = templateLines(text.slice(0, offset));
  return { line: before.length, column: (before[before.length - 1] as string).length };
}

/** A name as a regular expression that matches it literally (a helper's, a block's, a partial's). */
export function literally(name: string): string {
  return name.replace(/[^\w-]/g, '\\$&');
}

/** How a token is written, for the names in jison's list; in the order a reader most likely meant. */
const tokenText: Readonly<Record<string, string>> = {
  CLOSE: '}}',
  CLOSE_UNESCAPED: '}}}',
  CLOSE_SEXPR: ')',
  OPEN_ENDBLOCK: '{{/name}}',
  INVERSE: '{{else}}',
  OPEN_INVERSE_CHAIN: '{{else if …}}',
  ID: 'a name',
  OPEN_SEXPR: '(',
  EQUALS: '=',
  STRING: 'a string',
  NUMBER: 'a number',
  BOOLEAN: 'true or false',
  DATA: '@name',
  SEP: '. or /',
  UNDEFINED: 'undefined',
  NULL: 'null',
  OPEN_BLOCK_PARAMS: 'as |name|',
  CLOSE_BLOCK_PARAMS: '|',
  CLOSE_RAW_BLOCK: '}}}}',
  END_RAW_BLOCK: '{{{{/name}}}}',
  EOF: 'the end of the file',
  INVALID: 'a character Handlebars cannot read',
};
const order = Object.keys(tokenText);
/** Shown of what the parser would have taken: the likeliest few. */
const shownAlternatives = 4;

interface Span {
  readonly first_line: number;
  readonly first_column: number;
  readonly last_line: number;
  readonly last_column: number;
}

/** A syntax error's message and place (line 1-based, column 0-based, as Handlebars' own errors have them). */
interface Failure {
  readonly message: string;
  readonly line: number;
  readonly column: number;
}

/** `handlebars.parse(text)`; a syntax error comes out as Handlebars' own errors do, with `lineNumber` and a 0-based `column`. */
export function parseTemplate(handlebars: typeof Handlebars, text: string): hbs.AST.Program {
  try {
    return handlebars.parse(text);
  } catch (error) {
    const at = (handlebars as unknown as { Parser?: { lexer?: { yylloc?: Span } } }).Parser?.lexer?.yylloc;
    const message = error instanceof Error ? error.message : '';
    const source = new Source(text);
    const failure = mismatchFailure(source, error) ?? (at && (parseFailure(source, message, at) ?? lexicalFailure(source, message, at)));
    if (!failure) throw error;
    throw Object.assign(new Error(`syntax error: ${failure.message}`), { lineNumber: failure.line, column: failure.column });
  }
}

/**
 * `{{#each}}…{{/if}}`: Handlebars says "each doesn't match if", at the `each`. The mistake is the end
 * tag, the first `{{/if}}` after the opening: placed there when it is found.
 */
function mismatchFailure(source: Source, error: unknown): Failure | undefined {
  const place = error as { message?: unknown; lineNumber?: unknown; column?: unknown };
  const mismatch = typeof place.message === 'string' ? /^(\S+) doesn't match (\S+) - \d+:\d+$/.exec(place.message) : null;
  if (!mismatch || typeof place.lineNumber !== 'number' || typeof place.column !== 'number') return undefined;
  const [, opened, closed] = mismatch as unknown as [string, string, string];
  const openedAt = { line: place.lineNumber, column: place.column };
  const end = source.endTagAfter(closed, openedAt);
  const message = `{{/${closed}}} closes the {{#${opened}}} at line ${openedAt.line}: end that block with {{/${opened}}} first`;
  return end ? { ...end, message } : { ...openedAt, message: `{{/${closed}}} closes this {{#${opened}}}: end it with {{/${opened}}} first` };
}

/** The parser met a token it did not expect there. */
function parseFailure(source: Source, message: string, at: Span): Failure | undefined {
  const parse = /^Parse error on line \d+:\n[\s\S]*\nExpecting (.*), got '(\w+)'$/.exec(message);
  if (!parse) return undefined;
  const expected = [...(parse[1] as string).matchAll(/'(\w+)'/g)].map((m) => m[1] as string);
  const token = parse[2] as string;
  const here = { line: at.first_line, column: at.first_column };
  const written = token === 'EOF' ? undefined : source.written(at);
  const found = token === 'EOF' ? 'the end of the file' : written !== undefined ? quoted(written) : (tokenText[token] ?? token);
  const inBlock = expected.includes('OPEN_ENDBLOCK');
  // Inside a `{{…` that was never closed, the next tag's `{{` is what the parser meets.
  const inMustache = expected.includes('CLOSE') || expected.includes('CLOSE_UNESCAPED');
  const unclosed = inMustache && written?.startsWith('{{') ? source.lastOpeningBefore(here) : undefined;
  if (unclosed) return { ...unclosed, message: 'this {{ is not closed with }}' };
  if (token === 'OPEN_ENDBLOCK' && !inBlock) return { ...here, message: `${found} closes no open block` };
  if ((token === 'INVERSE' || token === 'OPEN_INVERSE_CHAIN') && !inBlock) return { ...here, message: `${found} is outside any block` };
  // A `{{` never closed: Handlebars reads on into the text after it and stops at some character there.
  const opened = token === 'EOF' || token === 'INVALID' ? source.unclosedMustache(here) : undefined;
  if (opened) return { ...opened, message: 'this {{ is not closed with }}' };
  // `{{status}}}`: the lexer reads `}}}`, which closes only a `{{{`.
  if (written === '}}}' && expected.includes('CLOSE')) return { ...here, message: 'found "}}}" where this {{ ends with }}: one brace too many' };
  // A quote is a character the lexer cannot read only when no closing quote follows it anywhere.
  if (token === 'INVALID' && (written === '"' || written === "'")) return { ...here, message: `this ${written} starts a string that is not closed` };
  if (token === 'EOF' && inBlock) {
    const block = source.unclosedBlock();
    if (block) return { ...block, message: `this {{${block.opener}${block.name}}} is not closed with {{/${block.name}}}` };
    return { ...here, message: 'the file ends inside a block: a {{#…}} is not closed with its {{/…}}' };
  }
  return { ...here, message: `found ${found}${expectation(expected)}` };
}

/** The lexer met text it has no token for, just after its last token. */
function lexicalFailure(source: Source, message: string, at: Span): Failure | undefined {
  if (!/^Lexical error on line \d+\./.test(message)) return undefined;
  const here = { line: at.last_line, column: at.last_column };
  const rest = source.from(here);
  if (rest.startsWith('{{!--')) return { ...here, message: 'this {{!-- comment is not closed with --}}' };
  if (/\{\{\{\{[^}]*\}\}\}\}$/.test(source.before(here))) return { ...here, message: 'the raw block {{{{name}}}} before this is not closed with {{{{/name}}}}' };
  return { ...here, message: `Handlebars cannot read the text from here: ${quoted(rest.length > 20 ? `${rest.slice(0, 20)}…` : rest)}` };
}

/** ` where Handlebars expects …`: the likeliest few of the tokens jison lists, as they are written. */
function expectation(expected: readonly string[]): string {
  const known = order.filter((token) => expected.includes(token));
  // Beside `}}`, a mustache's end: `}}}` and `}}}}` end only what opened with three or four braces, and
  // no `(` is open (jison lists `)` in states shared with a subexpression's).
  const likely = known.includes('CLOSE') ? known.filter((token) => token !== 'CLOSE_UNESCAPED' && token !== 'CLOSE_RAW_BLOCK' && token !== 'CLOSE_SEXPR') : known;
  const words = likely.slice(0, shownAlternatives).map((token) => tokenText[token] as string);
  if (words.length === 0) return '';
  const partial = likely.length > shownAlternatives || known.length < expected.length ? 'e.g. ' : '';
  const list = words.length === 1 ? words[0] : `${words.slice(0, -1).join(', ')} or ${words[words.length - 1]}`;
  return ` where Handlebars expects ${partial}${list}`;
}

/** Text quoted for a message: control characters and line breaks escaped. */
const quoted = (text: string) => JSON.stringify(text);

/** A template's text, addressed by line and 0-based column as the lexer counts them. */
class Source {
  private readonly lines: string[];

  constructor(private readonly text: string) {
    this.lines = templateLines(text);
  }

  /** The token at `span` as written: a tag (`{{/each}}`) whole, to its `}}`; undefined if it is not on one line. */
  written(span: Span): string | undefined {
    if (span.first_line !== span.last_line || span.last_column <= span.first_column) return undefined;
    const line = this.lines[span.first_line - 1] ?? '';
    let text = line.slice(span.first_column, span.last_column);
    if (text.startsWith('{{') && !text.endsWith('}}')) {
      const close = line.indexOf('}}', span.last_column);
      if (close >= 0 && close - span.first_column <= 40) text = line.slice(span.first_column, close + 2);
    }
    return text || undefined;
  }

  /** The text from a place to the end of its line. */
  from(at: { line: number; column: number }): string {
    return this.lines[at.line - 1]?.slice(at.column) ?? '';
  }

  /** The text before a place. */
  before(at: { line: number; column: number }): string {
    return this.text.slice(0, this.offset(at));
  }

  /**
   * The innermost block opened (`{{#each …}}`, `{{^if …}}`, `{{#> layout}}`) and not closed by the end
   * of the text, found by pairing block tags outside comments; undefined where the text has raw
   * blocks (whose content is not read as tags) or the pairing does not come out.
   */
  unclosedBlock(): { line: number; column: number; opener: string; name: string } | undefined {
    if (this.text.includes('{{{{')) return undefined;
    const open: { offset: number; opener: string; name: string }[] = [];
    const tags = /\{\{~?!--[\s\S]*?--~?\}\}|\{\{~?![\s\S]*?\}\}|\\\{\{|\{\{~?\s*([#^/])\s*(\*|>)?\s*([^\s}~()]+)/g;
    for (const tag of this.text.matchAll(tags)) {
      const [, kind, mark, name] = tag;
      if (kind === undefined || name === undefined) continue;
      if (kind !== '/') open.push({ offset: tag.index, opener: kind + (mark === '>' ? '> ' : (mark ?? '')), name });
      else if (open.pop()?.name !== name) return undefined;
    }
    const last = open.pop();
    return last && { ...lineAndColumn(this.text, last.offset), opener: last.opener, name: last.name };
  }

  /** Where the last `{{` before a place is. */
  lastOpeningBefore(at: { line: number; column: number }): { line: number; column: number } | undefined {
    const open = this.text.lastIndexOf('{{', this.offset(at) - 1);
    return open < 0 ? undefined : lineAndColumn(this.text, open);
  }

  /** Where the first end tag `{{/name}}` after a place is. */
  endTagAfter(name: string, at: { line: number; column: number }): { line: number; column: number } | undefined {
    const tag = new RegExp(`\\{\\{~?\\s*/\\s*${literally(name)}\\s*~?\\}\\}`, 'g');
    tag.lastIndex = this.offset(at);
    const found = tag.exec(this.text);
    return found ? lineAndColumn(this.text, found.index) : undefined;
  }

  /** Where the last `{{` before a place is, if no `}}` follows it anywhere: a mustache never closed. */
  unclosedMustache(at: { line: number; column: number }): { line: number; column: number } | undefined {
    const offset = this.offset(at);
    const open = this.text.lastIndexOf('{{', offset);
    if (open < 0 || this.text.indexOf('}}', open) >= 0) return undefined;
    return lineAndColumn(this.text, open);
  }

  private offset(at: { line: number; column: number }): number {
    let offset = 0;
    for (let i = 0; i < at.line - 1 && i < this.lines.length; i++) offset += (this.lines[i] as string).length + this.lineBreakAfter(offset + (this.lines[i] as string).length);
    return offset + at.column;
  }

  /** The length of the line break at `offset`: 2 for `\r\n`, else 1. */
  private lineBreakAfter(offset: number): number {
    return this.text.startsWith('\r\n', offset) ? 2 : 1;
  }
}
