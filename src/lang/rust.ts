import type { Language } from './language.js';
import { isInvisible, quoted, singleLineWithoutBidi, singleLineWithoutBidiChanges, withPlainShortcut } from './escape.js';

/** Rust's strict and reserved keywords and `_`: what rustc rejects as a module or type name. */
export const rustKeywords: ReadonlySet<string> = new Set([
  'as', 'async', 'await', 'break', 'const', 'continue', 'crate', 'dyn', 'else', 'enum', 'extern', 'false', 'fn', 'for',
  'if', 'impl', 'in', 'let', 'loop', 'match', 'mod', 'move', 'mut', 'pub', 'ref', 'return', 'self', 'Self', 'static',
  'struct', 'super', 'trait', 'true', 'type', 'unsafe', 'use', 'where', 'while', 'abstract', 'become', 'box', 'do',
  'final', 'gen', 'macro', 'override', 'priv', 'try', 'typeof', 'unsized', 'virtual', 'yield', '_',
]);

/**
 * Rust's strict, reserved and weak keywords (doc.rust-lang.org/reference/keywords.html). Variants are
 * UpperCamelCase, so only `Self` can come up; unlike the others it cannot be a raw identifier (`r#Self`),
 * so it becomes `Self_`. And `Err`: the `FromStr` impl's `Self::Err` would be ambiguous with a variant.
 */
const reserved = new Set([...[...rustKeywords].filter((word) => word !== '_'), 'union', 'macro_rules', 'Err']);

const named: Readonly<Record<string, string>> = { '\\': '\\\\', '"': '\\"', '\n': '\\n', '\r': '\\r', '\t': '\\t', '\0': '\\0' };

// rustc denies raw bidi controls in literals and comments (`text_direction_codepoint_in_literal`,
// `…_in_comment`): isInvisible escapes them in literals, singleLineWithoutBidi drops them from comments.
/** What stringLiteral escapes (see `quoted`). */
export function rustEscape(ch: string, cp: number): string | undefined {
  if (named[ch] !== undefined) return named[ch];
  if (cp >= 0xd800 && cp <= 0xdfff) return '\\u{fffd}';
  return isInvisible(ch, cp) ? `\\u{${cp.toString(16)}}` : undefined;
}

/**
 * rustc's non_camel_case_types test (is_camel_case): after any leading and trailing `_`, not a
 * lower-case letter first, no `__`, and no `_` next to a letter that has case.
 */
function isCamelCase(name: string): boolean {
  const inner = name.replace(/^_+|_+$/g, '');
  return !/^\p{Ll}/u.test(inner) && !inner.includes('__') && !/[\p{Lu}\p{Ll}\p{Lt}]_|_[\p{Lu}\p{Ll}\p{Lt}]/u.test(inner);
}

export const rust: Language = {
  id: 'rust',
  memberCase: 'upperCamel',
  parameterCase: 'snake',
  reserved,
  // The Rust reference's IDENTIFIER: XID_Start or `_`, then XID_Continue; `_` alone is no identifier.
  identifier: /^(?:\p{XID_Start}|_\p{XID_Continue})\p{XID_Continue}*$/u,
  memberStyle: { test: isCamelCase, rule: 'UpperCamelCase, e.g. NotFound' },
  // The enum's inherent constant `ErrorCode::ALL` (its functions are snake case).
  declaresBeside: (name) => name === 'ALL',
  /**
   * A plain string literal: printable text kept as UTF-8, everything else as `\u{…}`. A `\` at the end
   * of a source line would swallow the line break; the text never has one raw. A lone UTF-16 surrogate
   * has no UTF-8 form; it becomes U+FFFD, as Rust's `String::from_utf16_lossy` would.
   */
  stringLiteral: (text) => quoted(text, rustEscape),
  /**
   * For `///` doc comments, which rustdoc reads as Markdown: one line, no bidi controls, and the
   * characters that would start HTML, links, code or emphasis backslash-escaped.
   */
  commentText: withPlainShortcut(`${singleLineWithoutBidiChanges}|[\\\\\`*_[\\]<>&]`, rustCommentText),
};

/** Rust doc comment text by the general rule; exported so tests can hold commentText's shortcut to it. */
export function rustCommentText(text: string): string {
  return singleLineWithoutBidi(text).replace(/[\\`*_[\]<>&]/g, '\\$&');
}
