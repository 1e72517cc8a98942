import type { Language } from './language.js';
import { singleLine } from './escape.js';

/** Go keywords and predeclared identifiers (https://go.dev/ref/spec#Keywords, #Predeclared_identifiers). */
const reserved = new Set([
  'break', 'case', 'chan', 'const', 'continue', 'default', 'defer', 'else', 'fallthrough', 'for', 'func', 'go', 'goto',
  'if', 'import', 'interface', 'map', 'package', 'range', 'return', 'select', 'struct', 'switch', 'type', 'var',
  'any', 'bool', 'byte', 'comparable', 'complex64', 'complex128', 'error', 'float32', 'float64', 'int', 'int8',
  'int16', 'int32', 'int64', 'rune', 'string', 'uint', 'uint8', 'uint16', 'uint32', 'uint64', 'uintptr', 'true',
  'false', 'iota', 'nil', 'append', 'cap', 'clear', 'close', 'complex', 'copy', 'delete', 'imag', 'len', 'make',
  'max', 'min', 'new', 'panic', 'print', 'println', 'real', 'recover',
]);

/**
 * Bidirectional formatting controls: kept raw they can make source read differently from how it
 * compiles ("Trojan Source", CVE-2021-42574), so literals escape them and comments drop them.
 */
const bidiControl = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;
const bidiControls = new RegExp(bidiControl.source, 'gu');

const named: Readonly<Record<string, string>> = { '\\': '\\\\', '"': '\\"', '\n': '\\n', '\r': '\\r', '\t': '\\t', '\u0007': '\\a', '\b': '\\b', '\f': '\\f', '\v': '\\v' };

/** Characters written as `\uXXXX`: controls, line/paragraph separators, BOM, bidi controls. */
function invisible(ch: string, cp: number): boolean {
  return cp < 0x20 || (cp >= 0x7f && cp <= 0x9f) || cp === 0x2028 || cp === 0x2029 || cp === 0xfeff || bidiControl.test(ch);
}

export const go: Language = {
  id: 'go',
  memberCase: 'pascal',
  memberPrefix: 'Code',
  reserved,
  /**
   * An interpreted string literal: printable text (any script, emoji) kept as UTF-8, everything
   * else as an escape. A lone UTF-16 surrogate has no UTF-8 form; it becomes U+FFFD, as Go would.
   */
  stringLiteral: (text) => {
    let out = '"';
    for (const ch of text) {
      const cp = ch.codePointAt(0) as number;
      if (named[ch] !== undefined) out += named[ch];
      else if (cp >= 0xd800 && cp <= 0xdfff) out += '\\ufffd';
      else if (invisible(ch, cp)) out += `\\u${cp.toString(16).padStart(4, '0')}`;
      else out += ch;
    }
    return out + '"';
  },
  /** For `//` comments: one line, no bidi controls. */
  commentText: (text) => singleLine(text.replace(bidiControls, '')),
};
