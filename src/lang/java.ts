import { toCase } from '../names/case.js';
import type { Language } from './language.js';
import { isInvisible, quoted, singleLineWithoutBidi, singleLineWithoutBidiChanges, u4, withPlainShortcut } from './escape.js';

/** Java's keywords, `_` and the literals true, false and null (JLS §3.9): what javac rejects as a name. */
export const javaKeywords: ReadonlySet<string> = new Set([
  'abstract', 'assert', 'boolean', 'break', 'byte', 'case', 'catch', 'char', 'class', 'const', 'continue', 'default',
  'do', 'double', 'else', 'enum', 'extends', 'final', 'finally', 'float', 'for', 'goto', 'if', 'implements', 'import',
  'instanceof', 'int', 'interface', 'long', 'native', 'new', 'package', 'private', 'protected', 'public', 'return',
  'short', 'static', 'strictfp', 'super', 'switch', 'synchronized', 'this', 'throw', 'throws', 'transient', 'try',
  'void', 'volatile', 'while', 'true', 'false', 'null', '_',
]);

/** The keywords and the contextual ones, which would confuse readers as member names. */
const reserved = new Set([...javaKeywords, 'var', 'yield', 'record', 'sealed', 'permits']);

/**
 * Characters written as a `\uXXXX` escape. Safe for these: the compiler decodes the escape into the
 * raw character, which is not a line terminator, quote or backslash.
 */
function unicodeEscaped(ch: string, cp: number): boolean {
  return (cp >= 0xd800 && cp <= 0xdfff) || isInvisible(ch, cp);
}

const named: Readonly<Record<string, string>> = { '\\': '\\\\', '"': '\\"', '\n': '\\n', '\r': '\\r', '\t': '\\t', '\b': '\\b', '\f': '\\f' };

/** What stringLiteral escapes (see `quoted`). */
export function javaEscape(ch: string, cp: number): string | undefined {
  if (named[ch] !== undefined) return named[ch];
  if (cp < 0x20 || cp === 0x7f) return `\\${cp.toString(8).padStart(3, '0')}`;
  return unicodeEscaped(ch, cp) ? u4(cp) : undefined;
}

export const java: Language = {
  id: 'java',
  memberCase: 'constant',
  reserved,
  // Character.isJavaIdentifierStart / isJavaIdentifierPart, without the ignorable controls.
  identifier: /^[\p{L}\p{Nl}\p{Sc}\p{Pc}][\p{L}\p{Nl}\p{Sc}\p{Pc}\p{Nd}\p{Mn}\p{Mc}]*$/u,
  // A constant: no lower-case letter, so no clash with the type's fields, methods and nested types, nor
  // with the types it uses (`String`, `Locale`); its constant-style fields sit in nested classes.
  memberStyle: { test: (name) => !/\p{Ll}/u.test(name), rule: 'a constant name, without lower-case letters, e.g. NOT_FOUND' },
  membersBesideType: true,
  // `{{camel names.java}}Message(Locale …)` (templates/java/formatter.hbs), methods: a scope of their own.
  formatters: { stem: (member) => toCase(member, 'camel'), names: (stem) => [`${stem}Message`, `${stem}Solution`], withParamsOnly: true, besideMembers: false },
  /**
   * A string literal. Control characters use octal escapes, never `\uXXXX`: Java turns unicode
   * escapes into raw characters before lexing, so `\u000a` would break the literal.
   */
  stringLiteral: (text) => quoted(text, javaEscape),
  /**
   * For Javadoc: HTML-escaped (Javadoc is HTML), `@` cannot start a tag, `*\/` cannot close the comment,
   * a `\u` in the text cannot become a unicode escape that the compiler would decode inside the comment.
   */
  commentText: withPlainShortcut(`${singleLineWithoutBidiChanges}|[&<>@]|\\*/|\\\\u`, javaCommentText),
};

/** Javadoc text by the general rule; exported so tests can hold commentText's shortcut to it. */
export function javaCommentText(text: string): string {
  return singleLineWithoutBidi(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/@/g, '&#64;')
    .replace(/\*\//g, '*&#47;')
    .replace(/\\u/g, '&#92;u');
}
