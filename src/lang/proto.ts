import type { Language } from './language.js';
import { flat, singleLineWithoutBidi, singleLineWithoutBidiChanges, withPlainShortcut } from './escape.js';

/** The prefix of every enum value: proto enum values share their package's scope, so style guides prefix them with the enum's name. */
const prefix = 'ERROR_CODE_';

/** The zero value every proto3 enum starts with (buf lint ENUM_ZERO_VALUE_SUFFIX); no code may take its name, nor one protoc takes for it. */
const reserved = new Set([`${prefix}UNSPECIFIED`]);

/** A value as errgen writes them: the prefix, then capitals, digits and `_`. */
const memberPattern = new RegExp(`^${prefix}[A-Z0-9_]+$`);

const named: Readonly<Record<string, string>> = { '\\': '\\\\', '"': '\\"', '\n': '\\n', '\r': '\\r', '\t': '\\t', "'": "\\'" };

/** Where a name differs from the one protoc takes it for: `_` before a digit, `_` repeated or at an end, lower case. */
const notAsCompared = /^_|_(?=[\d_])|_$|[a-z]/;

/**
 * The value name protoc takes a name for. protoc compares an enum's values in PascalCase (its
 * EnumValueToPascalCase, after dropping the enum's name before them, which every value here has
 * alike): `_` starts a word and is dropped, a word is lower case but its first letter. So `V_2` is
 * `V2`, and `UNSPECIFIED_` is `UNSPECIFIED`: a `_` before a digit, a repeated one and one at an
 * end change nothing, nor does case. Names that compare alike have the same result; the usual name
 * is its own (no string is made).
 */
function asProtocCompares(name: string): string {
  if (!notAsCompared.test(name)) return name;
  return (/[a-z]/.test(name) ? name.toUpperCase() : name).replace(/^_+|_+(?=\d)|_+$|_(?=_)/g, '');
}

export const proto: Language = {
  id: 'proto',
  memberCase: 'constant',
  memberPrefix: prefix,
  reserved,
  comparedAs: { key: asProtocCompares, rule: 'protoc takes for one value: it compares enum values in PascalCase, without underscores' },
  // `_` would change nothing to protoc: the code UNSPECIFIED is ERROR_CODE_UNSPECIFIED_ERROR.
  reservedSuffix: '_ERROR',
  identifier: /^[A-Za-z_][A-Za-z0-9_]*$/,
  // Upper case: protoc compares enum values ignoring case, and lower-case words (`option`) start statements.
  // Enum values share the package's scope with the enum `ErrorCode`, which the prefix keeps apart.
  memberStyle: { test: (name) => memberPattern.test(name), rule: `${prefix} then capital letters, digits and _, e.g. ${prefix}NOT_FOUND` },
  /**
   * Proto identifiers are ASCII letters, digits and `_`: accents are dropped (`ÄRGER` → `ARGER`), other
   * letters left out; a code with none left has no proto name and needs `names: { proto: … }`.
   */
  identifierText: (name) =>
    // The usual name (`ERROR_CODE_NOT_FOUND`) is already that.
    /^[A-Za-z0-9]+(?:_[A-Za-z0-9]+)*$/.test(name)
      ? name
      : name
          .normalize('NFKD')
          .replace(/\p{M}/gu, '')
          .replace(/[^A-Za-z0-9_]/g, '')
          .replace(/_+/g, '_')
          .replace(/^_|_$/g, ''),
  /** A proto string literal (options such as `reserved "NAME"`): C-style escapes, octal for other controls and all non-ASCII bytes. */
  stringLiteral: (text) => {
    let out = '"';
    for (const byte of Buffer.from(text.replace(/[\ud800-\udfff]/gu, '\ufffd'), 'utf8')) {
      const ch = String.fromCharCode(byte);
      if (named[ch] !== undefined) out += named[ch];
      else if (byte < 0x20 || byte >= 0x7f) out += `\\${byte.toString(8).padStart(3, '0')}`;
      else out += ch;
    }
    return flat(out + '"');
  },
  /** For `//` comments, which protoc also copies into descriptors as documentation: one line, no controls. */
  commentText: withPlainShortcut(singleLineWithoutBidiChanges, singleLineWithoutBidi),
};
