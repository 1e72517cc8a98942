import type { Language } from './language.js';
import { isInvisible, quoted, singleLineWithoutBidi, singleLineWithoutBidiChanges, u4, withPlainShortcut } from './escape.js';

/** Go's keywords (https://go.dev/ref/spec#Keywords): the only words the compiler rejects as a name. */
export const goKeywords: ReadonlySet<string> = new Set([
  'break', 'case', 'chan', 'const', 'continue', 'default', 'defer', 'else', 'fallthrough', 'for', 'func', 'go', 'goto',
  'if', 'import', 'interface', 'map', 'package', 'range', 'return', 'select', 'struct', 'switch', 'type', 'var',
]);

/** The keywords and the predeclared identifiers (#Predeclared_identifiers), which a member must not shadow. */
const reserved = new Set([
  ...goKeywords,
  'any', 'bool', 'byte', 'comparable', 'complex64', 'complex128', 'error', 'float32', 'float64', 'int', 'int8',
  'int16', 'int32', 'int64', 'rune', 'string', 'uint', 'uint8', 'uint16', 'uint32', 'uint64', 'uintptr', 'true',
  'false', 'iota', 'nil', 'append', 'cap', 'clear', 'close', 'complex', 'copy', 'delete', 'imag', 'len', 'make',
  'max', 'min', 'new', 'panic', 'print', 'println', 'real', 'recover',
]);

const named: Readonly<Record<string, string>> = { '\\': '\\\\', '"': '\\"', '\n': '\\n', '\r': '\\r', '\t': '\\t', '\u0007': '\\a', '\b': '\\b', '\f': '\\f', '\v': '\\v' };


/** What stringLiteral escapes (see `quoted`). */
export function goEscape(ch: string, cp: number): string | undefined {
  if (named[ch] !== undefined) return named[ch];
  if (cp >= 0xd800 && cp <= 0xdfff) return '\\ufffd';
  return isInvisible(ch, cp) ? u4(cp) : undefined;
}

/**
 * What templates/go declares at package level, where the constants are, in the member style (exported):
 * its functions and types but the code type (`typeName`: see membersBesideType). Its variables,
 * locals and imports are not exported.
 */
const declaredBeside: ReadonlySet<string> = new Set(['Codes', 'CodesForStatus', 'Parse', 'Error', 'Locales']);

/** Before every derived constant's name: `CodeNotFound`. */
const prefix = 'Code';

export const go: Language = {
  id: 'go',
  memberCase: 'pascal',
  memberPrefix: prefix,
  reserved,
  // https://go.dev/ref/spec#Identifiers: a letter (`_` counts) then letters and digits.
  identifier: /^[\p{L}_][\p{L}\p{Nd}_]*$/u,
  // Exported (a capital letter first), so clients can use it.
  memberStyle: { test: (name) => /^\p{Lu}/u.test(name), rule: 'an exported name: a capital letter first, e.g. CodeNotFound' },
  declaresBeside: (name) => declaredBeside.has(name),
  membersBesideType: true,
  // `Message{{trimPrefix names.go "Code"}}` (templates/go/formatter.hbs), beside the constants.
  formatters: {
    stem: (member) => (member.startsWith(prefix) ? member.slice(prefix.length) : member),
    names: (stem) => [`Message${stem}`, `Solution${stem}`],
    withParamsOnly: true,
    besideMembers: true,
    // Distinct members that all start with Code (the derived ones) have distinct stems, and none is a formatter's name.
    distinctWhen: new RegExp(`^${prefix}`),
  },
  /**
   * An interpreted string literal: printable text (any script, emoji) kept as UTF-8, everything
   * else as an escape. A lone UTF-16 surrogate has no UTF-8 form; it becomes U+FFFD, as Go would.
   */
  stringLiteral: (text) => quoted(text, goEscape),
  /**
   * For `//` comments: one line, no bidi controls. gofmt rewrites two backquotes or two apostrophes
   * in a doc comment into typographic quotes (go.dev/doc/comment#quotes): a space keeps them apart.
   */
  commentText: withPlainShortcut(`${singleLineWithoutBidiChanges}|\`\`|''`, goCommentText),
};

/** Go comment text by the general rule; exported so tests can hold commentText's shortcut to it. */
export function goCommentText(text: string): string {
  return singleLineWithoutBidi(text).replace(/``|''/g, (pair) => `${pair[0]} ${pair[1]}`).replace(/``|''/g, (pair) => `${pair[0]} ${pair[1]}`);
}
