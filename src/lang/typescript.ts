import type { Language } from './language.js';
import { jsonLiteral, singleLine, singleLineChanges, withPlainShortcut } from './escape.js';

/** ECMAScript reserved words and names an enum member or const key must not take. */
const reserved = new Set([
  'break', 'case', 'catch', 'class', 'const', 'continue', 'debugger', 'default', 'delete', 'do', 'else', 'enum',
  'export', 'extends', 'false', 'finally', 'for', 'function', 'if', 'import', 'in', 'instanceof', 'new', 'null',
  'return', 'super', 'switch', 'this', 'throw', 'true', 'try', 'typeof', 'var', 'void', 'while', 'with', 'yield',
  'let', 'static', 'implements', 'interface', 'package', 'private', 'protected', 'public', 'await',
  // Not keywords, but an enum member may not be named so (TS2535/TS18033).
  'Infinity', 'NaN',
]);

export const typescript: Language = {
  id: 'ts',
  memberCase: 'pascal',
  reserved,
  // ECMAScript's IdentifierName; the template writes members as `Name = "CODE"` in the enum, alone in its scope.
  identifier: /^[\p{ID_Start}$_][\p{ID_Continue}$\u200C\u200D]*$/u,
  // PascalCase, as the derived names are: also keeps out `__proto__`, which an enum object cannot hold.
  memberStyle: { test: (name) => /^[\p{Lu}\p{Lt}\p{Lo}\p{Nl}]/u.test(name), rule: 'a capital letter first (PascalCase), e.g. NotFound' },
  /**
   * JSON's escaping is valid TypeScript; U+2028/9, DEL, C1 controls and the BOM are escaped too, so the
   * source stays one line per string and shows no invisible characters.
   */
  stringLiteral: jsonLiteral,
  /**
   * For `/** … *\/` JSDoc: a `*\/` inside the text would end the comment, and an `@` after a space
   * or a `{` would start a tag (`@deprecated` marks a live code deprecated in every editor).
   */
  commentText: withPlainShortcut(`${singleLineChanges}|\\*/|@`, typescriptCommentText),
};

/**
 * TSDoc text by the general rule; exported so tests can hold commentText's shortcut to it. An `@`
 * not inside a word is written `\@`, TSDoc's escape, which an editor's hover shows as `@`; in a
 * word (`support@example.com`) it starts no tag and is left as it is.
 */
export function typescriptCommentText(text: string): string {
  return singleLine(text).replace(/\*\//g, '*\\/').replace(/(?<![\p{L}\p{N}])@/gu, '\\@');
}
