import type { Language } from './language.js';
import { singleLine } from './escape.js';

/**
 * Python keywords, soft keywords and the built-in constants (docs.python.org/3/reference/lexical_analysis.html#keywords).
 * Members are UPPER_SNAKE_CASE, which none of these is, so the set only matters to a lower-case style;
 * it is here so that the rule stays true if the style changes.
 */
const reserved = new Set([
  'False', 'None', 'True', 'and', 'as', 'assert', 'async', 'await', 'break', 'class', 'continue', 'def', 'del', 'elif',
  'else', 'except', 'finally', 'for', 'from', 'global', 'if', 'import', 'in', 'is', 'lambda', 'nonlocal', 'not', 'or',
  'pass', 'raise', 'return', 'try', 'while', 'with', 'yield', 'match', 'case', 'type', '_', '__debug__',
]);

/** Bidirectional formatting controls ("Trojan Source", CVE-2021-42574): escaped in literals, dropped from comments. */
const bidiControl = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;
const bidiControls = new RegExp(bidiControl.source, 'gu');

const named: Readonly<Record<string, string>> = { '\\': '\\\\', '"': '\\"', '\n': '\\n', '\r': '\\r', '\t': '\\t' };

function hex(cp: number): string {
  if (cp <= 0xff) return `\\x${cp.toString(16).padStart(2, '0')}`;
  return `\\u${cp.toString(16).padStart(4, '0')}`;
}

export const python: Language = {
  id: 'python',
  memberCase: 'constant',
  reserved,
  /** Python compares identifiers after NFKC normalization (PEP 3131): name them as Python will see them. */
  identifierText: (name) => name.normalize('NFKC'),
  /**
   * A plain (not raw, not f-) double-quoted literal. Every backslash is doubled, so text such as
   * `\N{…}` or `\u0041` stays text; controls, DEL, C1, U+2028/9, BOM and bidi controls become `\x`/`\u`
   * escapes. A lone surrogate is escaped too: Python strings can hold one, exactly as the catalog does.
   */
  stringLiteral: (text) => {
    let out = '"';
    for (let i = 0; i < text.length; i++) {
      const unit = text.charCodeAt(i);
      const isHigh = unit >= 0xd800 && unit <= 0xdbff;
      const next = text.charCodeAt(i + 1);
      if (isHigh && next >= 0xdc00 && next <= 0xdfff) {
        out += text.slice(i, i + 2);
        i++;
        continue;
      }
      const ch = text[i] as string;
      if (named[ch] !== undefined) out += named[ch];
      else if (unit < 0x20 || (unit >= 0x7f && unit <= 0x9f) || unit === 0x2028 || unit === 0x2029 || unit === 0xfeff || (unit >= 0xd800 && unit <= 0xdfff) || bidiControl.test(ch)) out += hex(unit);
      else out += ch;
    }
    return out + '"';
  },
  /** For `#` comments: one line, no bidi controls. */
  commentText: (text) => singleLine(text.replace(bidiControls, '')),
};
