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
      else if ((cp >= 0x80 && cp <= 0x9f) || cp === 0x2028 || cp === 0x2029 || cp === 0xfeff || (cp >= 0xd800 && cp <= 0xdfff))
        out += `\\u${cp.toString(16).padStart(4, '0')}`;
      else out += ch;
    }
    return out + '"';
  },
  /**
   * For Javadoc: HTML-escaped (Javadoc is HTML), `*\/` cannot close the comment, and a `\u` in the text
   * cannot become a unicode escape that the compiler would decode inside the comment.
   */
  commentText: (text) =>
    singleLine(text)
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/@/g, '&#64;')
      .replace(/\*\//g, '*&#47;')
      .replace(/\\u/g, '&#92;u'),
};
