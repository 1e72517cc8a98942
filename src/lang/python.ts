import { toCase } from '../names/case.js';
import type { Language } from './language.js';
import { isInvisible, quoted, singleLineWithoutBidi, singleLineWithoutBidiChanges, withPlainShortcut } from './escape.js';

/** Python's hard keywords in lower case: what the parser rejects as a module or class name. */
export const pythonKeywords: ReadonlySet<string> = new Set([
  'and', 'as', 'assert', 'async', 'await', 'break', 'class', 'continue', 'def', 'del', 'elif', 'else', 'except',
  'finally', 'for', 'from', 'global', 'if', 'import', 'in', 'is', 'lambda', 'nonlocal', 'not', 'or', 'pass', 'raise',
  'return', 'try', 'while', 'with', 'yield',
]);

/**
 * Python keywords, soft keywords and the built-in constants (docs.python.org/3/reference/lexical_analysis.html#keywords).
 * Members are UPPER_SNAKE_CASE, which none of these is, so the set only matters to a lower-case style;
 * it is here so that the rule stays true if the style changes.
 */
const reserved = new Set([
  'False', 'None', 'True', ...pythonKeywords, 'match', 'case', 'type', '_', '__debug__',
]);

const named: Readonly<Record<string, string>> = { '\\': '\\\\', '"': '\\"', '\n': '\\n', '\r': '\\r', '\t': '\\t' };

function hex(cp: number): string {
  if (cp <= 0xff) return `\\x${cp.toString(16).padStart(2, '0')}`;
  return `\\u${cp.toString(16).padStart(4, '0')}`;
}

/** What stringLiteral escapes (see `quoted`). */
export function pythonEscape(ch: string, cp: number): string | undefined {
  if (named[ch] !== undefined) return named[ch];
  return (cp >= 0xd800 && cp <= 0xdfff) || isInvisible(ch, cp) ? hex(cp) : undefined;
}

export const python: Language = {
  id: 'python',
  memberCase: 'constant',
  parameterCase: 'snake',
  reserved,
  // PEP 3131.
  identifier: /^[\p{XID_Start}_][\p{XID_Continue}]*$/u,
  // A constant, like the enum's methods and properties never are (`message`, `parse`).
  memberStyle: { test: (name) => !/\p{Ll}/u.test(name), rule: 'a constant name, without lower-case letters, e.g. NOT_FOUND' },
  // enum.Enum: `_SUNDER_` names are reserved, `__DUNDER__` ones are no members, `__X` is mangled in the class.
  declaresBeside: (name) => name.startsWith('__') || /^_.*_$/.test(name),
  membersBesideType: true,
  // Module functions `{{snake names.python}}_message` for every code (templates/python/main.hbs).
  // Distinct members in ASCII UPPER_SNAKE_CASE (the derived ones) have distinct lower-case stems.
  formatters: { stem: (member) => toCase(member, 'snake'), names: (stem) => [`${stem}_message`, `${stem}_solution`], withParamsOnly: false, besideMembers: false, distinctWhen: /^[A-Z0-9]+(?:_[A-Z0-9]+)*$/ },
  /** Python compares identifiers after NFKC normalization (PEP 3131): name them as Python will see them. */
  identifierText: (name) => (/^[\x00-\x7f]*$/.test(name) ? name : name.normalize('NFKC')),
  /**
   * A plain (not raw, not f-) double-quoted literal. Every backslash is doubled, so text such as
   * `\N{…}` or `\u0041` stays text; controls, DEL, C1, U+2028/9, BOM and bidi controls become `\x`/`\u`
   * escapes. A lone surrogate is escaped too: Python strings can hold one, exactly as the catalog does.
   */
  stringLiteral: (text) => quoted(text, pythonEscape),
  /** For `#` comments: one line, no bidi controls. */
  commentText: withPlainShortcut(singleLineWithoutBidiChanges, singleLineWithoutBidi),
};
