/**
 * Splits a code into words: on anything that is not a letter or decimal digit, and at lower→upper
 * camelCase boundaries. `APIGATEWAY_NOT_FOUND` → [APIGATEWAY, NOT, FOUND]; `notFound` → [not, Found].
 * Digits stay with the letters before them (`HTTP2_ERROR` → [HTTP2, ERROR], `oauth2Token` → [oauth2, Token]).
 */
export function splitWords(code: string): string[] {
  return code
    .normalize('NFC')
    .replace(/(\p{Ll}\p{Nd}*)(\p{Lu})/gu, '$1 $2')
    .replace(/(\p{Lu})(\p{Lu}\p{Ll})/gu, '$1 $2')
    // Letters and decimal digits of the Basic Multilingual Plane only: what every target language
    // allows in an identifier, whatever Unicode version its compiler knows (Java 17 knows Unicode 13).
    // Other numbers (③, ², Ⅻ), the one letter that is ECMAScript syntax (U+2E2F) and astral
    // letters separate words.
    .split(/(?:[^\p{L}\p{Nd}]|\p{Pattern_Syntax}|[\u{10000}-\u{10FFFF}])+/u)
    .filter((w) => w !== '');
}
