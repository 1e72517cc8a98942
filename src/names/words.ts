/**
 * BMP letters that JavaScript's Unicode knows but Java 17 (Unicode 13) does not accept in an
 * identifier: Character.isJavaIdentifierPart is false for exactly these among \p{L} and \p{Nd}
 * (listed by running Java 17 over the whole BMP). Python 3.11 (Unicode 14) accepts a subset of them.
 */
const newerThanUnicode13 = '[\u0870-\u0887\u0889-\u088f\u08b5\u08c8-\u08c9\u0c5c-\u0c5d\u0cdc-\u0cdd\u170d\u171f\u1b4c\u1c89-\u1c8a\u2c2f\u2c5f\u9ffd-\u9fff\ua7c0-\ua7c1\ua7cb-\ua7dc\ua7f1-\ua7f4]';

/** What separates words: anything that is not a letter or decimal digit every target accepts. */
const separators = new RegExp(`(?:[^\\p{L}\\p{Nd}]|\\p{Pattern_Syntax}|[\\u{10000}-\\u{10FFFF}]|${newerThanUnicode13})+`, 'u');

const printableAscii = /^[\x20-\x7e]*$/;

/**
 * Splits a code into words: on anything that is not a letter or decimal digit, and at lower→upper
 * camelCase boundaries. `APIGATEWAY_NOT_FOUND` → [APIGATEWAY, NOT, FOUND]; `notFound` → [not, Found].
 * Digits stay with the letters before them (`HTTP2_ERROR` → [HTTP2, ERROR], `oauth2Token` → [oauth2, Token]).
 */
export function splitWords(code: string): string[] {
  // UPPER_SNAKE_CASE, the usual code, has no lower-case letter, so no camelCase boundary either.
  if (upperSnake.test(code)) return code.split('_').filter((w) => w !== '');
  return printableAscii.test(code) ? splitAsciiWords(code) : splitUnicodeWords(code);
}

const upperSnake = /^[A-Z0-9_]*$/;

/**
 * Most codes are ASCII (`APIGATEWAY_NOT_FOUND`): there NFC changes nothing and the Unicode classes
 * reduce to their ASCII members, so ASCII expressions give the same words several times faster.
 */
function splitAsciiWords(code: string): string[] {
  return code
    .replace(/([a-z][0-9]*)([A-Z])/g, '$1 $2')
    .replace(/([A-Z])([A-Z][a-z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter((w) => w !== '');
}

/** The general rule; exported so tests can hold the ASCII path to it. */
export function splitUnicodeWords(code: string): string[] {
  return code
    .normalize('NFC')
    .replace(/(\p{Ll}\p{Nd}*)(\p{Lu})/gu, '$1 $2')
    .replace(/(\p{Lu})(\p{Lu}\p{Ll})/gu, '$1 $2')
    // Letters and decimal digits of the Basic Multilingual Plane only: what every target language
    // allows in an identifier, whatever Unicode version its compiler knows. Other numbers (③, ², Ⅻ),
    // the one letter that is ECMAScript syntax (U+2E2F), astral letters and the BMP letters newer
    // than Java 17's Unicode 13 separate words.
    .split(separators)
    .filter((w) => w !== '');
}
