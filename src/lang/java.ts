import type { Language } from './language.js';
import { singleLine } from './escape.js';

/** Java keywords and literals (JLS §3.9), including contextual ones that would confuse readers. */
const reserved = new Set([
  'abstract', 'assert', 'boolean', 'break', 'byte', 'case', 'catch', 'char', 'class', 'const', 'continue', 'default',
  'do', 'double', 'else', 'enum', 'extends', 'final', 'finally', 'float', 'for', 'goto', 'if', 'implements', 'import',
  'instanceof', 'int', 'interface', 'long', 'native', 'new', 'package', 'private', 'protected', 'public', 'return',
  'short', 'static', 'strictfp', 'super', 'switch', 'synchronized', 'this', 'throw', 'throws', 'transient', 'try',
  'void', 'volatile', 'while', 'true', 'false', 'null', '_', 'var', 'yield', 'record', 'sealed', 'permits',
]);

/** Bidirectional formatting controls ("Trojan Source", CVE-2021-42574): escaped in literals, dropped from comments. */
const bidiControl = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;
const bidiControls = new RegExp(bidiControl.source, 'gu');

/**
 * Characters written as a `\uXXXX` escape. Safe for these: the compiler decodes the escape into the
 * raw character, which is not a line terminator, quote or backslash.
 */
function invisible(ch: string, cp: number): boolean {
  return (cp >= 0x80 && cp <= 0x9f) || cp === 0x2028 || cp === 0x2029 || cp === 0xfeff || (cp >= 0xd800 && cp <= 0xdfff) || bidiControl.test(ch);
}

const named: Readonly<Record<string, string>> = { '\\': '\\\\', '"': '\\"', '\n': '\\n', '\r': '\\r', '\t': '\\t', '\b': '\\b', '\f': '\\f' };

export const java: Language = {
  id: 'java',
  memberCase: 'constant',
  reserved,
  /**
   * A string literal. Control characters use octal escapes, never `\uXXXX`: Java turns unicode
   * escapes into raw characters before lexing, so `\u000a` would break the literal.
   */
  stringLiteral: (text) => {
    let out = '"';
    for (const ch of text) {
      const cp = ch.codePointAt(0) as number;
      if (named[ch] !== undefined) out += named[ch];
      else if (cp < 0x20 || cp === 0x7f) out += `\\${cp.toString(8).padStart(3, '0')}`;
      else if (invisible(ch, cp)) out += `\\u${cp.toString(16).padStart(4, '0')}`;
      else out += ch;
    }
    return out + '"';
  },
  /**
   * For Javadoc: HTML-escaped (Javadoc is HTML), `@` cannot start a tag, `*\/` cannot close the comment,
   * a `\u` in the text cannot become a unicode escape that the compiler would decode inside the comment.
   */
  commentText: (text) =>
    singleLine(text.replace(bidiControls, ''))
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/@/g, '&#64;')
      .replace(/\*\//g, '*&#47;')
      .replace(/\\u/g, '&#92;u'),
};
