/**
 * Splits a code into words: on anything that is not a letter or digit, and at lower→upper
 * camelCase boundaries. `APIGATEWAY_NOT_FOUND` → [APIGATEWAY, NOT, FOUND]; `notFound` → [not, Found].
 * Digits stay with the letters before them (`HTTP2_ERROR` → [HTTP2, ERROR], `oauth2Token` → [oauth2, Token]).
 */
export function splitWords(code: string): string[] {
  return code
    .normalize('NFC')
    .replace(/(\p{Ll}\p{N}*)(\p{Lu})/gu, '$1 $2')
    .replace(/(\p{Lu})(\p{Lu}\p{Ll})/gu, '$1 $2')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w !== '');
}
