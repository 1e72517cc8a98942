/**
 * A syntax error in a user's template, where it is and in words. Handlebars' parser (jison) says
 * `Parse error on line 3:` with a drawing of the text around it (line breaks removed) and a list of
 * token names (`Expecting 'CLOSE', 'ID', got 'INVALID'`); its lexer still holds the place of the token
 * it stopped at, which gives the column.
 */
import type Handlebars from 'handlebars';

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
};
const order = Object.keys(tokenText);
/** Shown of what the parser would have taken: the likeliest few. */
const shownAlternatives = 4;

interface Lexer {
  readonly yylloc?: { readonly first_line: number; readonly first_column: number; readonly last_line: number; readonly last_column: number };
}

/** `handlebars.parse(text)`; a syntax error comes out as Handlebars' own errors do, with `lineNumber` and a 0-based `column`. */
export function parseTemplate(handlebars: typeof Handlebars, text: string): hbs.AST.Program {
  try {
    return handlebars.parse(text);
  } catch (error) {
    const at = (handlebars as unknown as { Parser?: { lexer?: Lexer } }).Parser?.lexer?.yylloc;
    const message = error instanceof Error ? error.message : '';
    const parse = /^Parse error on line \d+:\n[\s\S]*\nExpecting (.*), got '(\w+)'$/.exec(message);
    if (parse && at) {
      const expected = [...(parse[1] as string).matchAll(/'(\w+)'/g)].map((m) => m[1] as string);
      throw placed(syntaxMessage(foundText(text, at, parse[2] as string), expected), at.first_line, at.first_column);
    }
    // The lexer stopped after its last token, at text it has no token for (`{{!--` never closed).
    if (/^Lexical error on line \d+\./.test(message) && at) {
      const rest = text.split(/\r?\n/)[at.last_line - 1]?.slice(at.last_column) ?? '';
      throw placed(`syntax error: Handlebars cannot read the text from here: "${rest.length > 20 ? `${rest.slice(0, 20)}…` : rest}"`, at.last_line, at.last_column);
    }
    throw error;
  }
}

const placed = (message: string, lineNumber: number, column: number) => Object.assign(new Error(message), { lineNumber, column });

/** What the parser stopped at, as written in the template when it is short and on one line. */
function foundText(text: string, at: NonNullable<Lexer['yylloc']>, token: string): string {
  if (token === 'EOF') return 'the end of the file';
  if (at.first_line === at.last_line && at.last_column > at.first_column && at.last_column - at.first_column <= 20) {
    const line = text.split(/\r?\n/)[at.first_line - 1];
    const written = line?.slice(at.first_column, at.last_column);
    if (written) return `"${written}"`;
  }
  return tokenText[token] ?? token;
}

function syntaxMessage(found: string, expected: readonly string[]): string {
  const known = order.filter((token) => expected.includes(token));
  // `}}}` and `}}}}` close only what opened with three or four braces: noise beside `}}`.
  const likely = known.includes('CLOSE') ? known.filter((token) => token !== 'CLOSE_UNESCAPED' && token !== 'CLOSE_RAW_BLOCK') : known;
  const words = likely.slice(0, shownAlternatives).map((token) => tokenText[token] as string);
  const some = likely.length > shownAlternatives || known.length < expected.length ? 'e.g. ' : '';
  const list = words.length < 2 ? words.join('') : `${words.slice(0, -1).join(', ')} or ${words[words.length - 1]}`;
  const expects = list ? ` where Handlebars expects ${some}${list}` : '';
  const unclosed = found === 'the end of the file' && expected.includes('OPEN_ENDBLOCK') ? ': a block opened with {{#…}} is not closed' : '';
  return `syntax error: found ${found}${expects}${unclosed}`;
}
