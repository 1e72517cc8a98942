import { remembered } from './memo.js';
import { splitWords } from './words.js';

/**
 * `upperCamel` is Pascal case with initialisms written as words (`HttpError`, `Uuid`), as Rust's
 * style wants (https://rust-lang.github.io/api-guidelines/naming.html).
 */
export type CaseStyle = 'pascal' | 'upperCamel' | 'camel' | 'constant' | 'snake' | 'kebab';

/**
 * Words written in capitals in Pascal and camel case, as Go's and most style guides want
 * (`HTTPForbidden`, `UserID`, `APIKey`): https://go.dev/wiki/CodeReviewComments#initialisms
 */
export const initialisms: ReadonlySet<string> = new Set([
  'ACL', 'API', 'ASCII', 'CPU', 'CSS', 'DNS', 'EOF', 'GRPC', 'GUID', 'HTML', 'HTTP', 'HTTPS', 'ID', 'IP', 'JSON',
  'JWT', 'LHS', 'OS', 'QPS', 'RAM', 'RHS', 'RPC', 'SDK', 'SLA', 'SMTP', 'SQL', 'SSH', 'SSL', 'TCP', 'TLS', 'TTL',
  'UDP', 'UI', 'UID', 'UUID', 'URI', 'URL', 'UTF8', 'VM', 'XML', 'XMPP', 'XSRF', 'XSS', 'YAML',
]);

const asciiWord = /^[A-Za-z0-9]+$/;

/** A word with its first letter in capitals, or all in capitals if it is an initialism. */
export function capitalize(word: string, useInitialisms: boolean): string {
  // Codes share a small vocabulary (NOT, FOUND, INVALID…): most words were capitalized before.
  return useInitialisms
    ? remembered(capitalizedWithInitialisms, word, capitalizeWithInitialisms)
    : remembered(capitalizedPlain, word, capitalizePlain);
}

const capitalizeWithInitialisms = (word: string) => capitalizeWord(word, true);
const capitalizePlain = (word: string) => capitalizeWord(word, false);

const capitalizedWithInitialisms = new Map<string, string>();
const capitalizedPlain = new Map<string, string>();

function capitalizeWord(word: string, useInitialisms: boolean): string {
  // The usual word (`NOT`, `found`, `v2`, `2FA`) is ASCII: no Unicode classes needed.
  if (!asciiWord.test(word)) return capitalizeUnicode(word, useInitialisms);
  const upper = word.toUpperCase();
  const digit = firstDigit(upper);
  if (useInitialisms) {
    if (initialisms.has(upper)) return upper;
    // An initialism followed by digits keeps its capitals: HTTP2, not Http2.
    if (digit > 0 && initialisms.has(upper.slice(0, digit))) return upper.slice(0, digit) + word.slice(digit).toLowerCase();
  }
  // The first letter need not be the first character: 2fa → 2Fa.
  const letter = digit === 0 ? upper.search(/[A-Z]/) : 0;
  return letter < 0 ? word : word.slice(0, letter) + upper[letter] + word.slice(letter + 1).toLowerCase();
}

/** The index of the first ASCII digit in `word`, or -1. */
function firstDigit(word: string): number {
  for (let i = 0; i < word.length; i++) {
    const unit = word.charCodeAt(i);
    if (unit >= 0x30 && unit <= 0x39) return i;
  }
  return -1;
}

/** The general rule; exported so tests can hold the ASCII path to it. */
export function capitalizeUnicode(word: string, useInitialisms: boolean): string {
  const upper = word.toUpperCase();
  if (useInitialisms && initialisms.has(upper)) return upper;
  // An initialism followed by digits keeps its capitals: HTTP2, not Http2.
  const lead = /^\p{L}+(?=\p{N})/u.exec(word)?.[0];
  if (useInitialisms && lead !== undefined && initialisms.has(lead.toUpperCase())) return lead.toUpperCase() + word.slice(lead.length).toLowerCase();
  // The first letter need not be the first character: 2fa → 2Fa.
  return word.toLowerCase().replace(/\p{L}/u, (letter) => letter.toUpperCase());
}

/**
 * Names already written, by style and text. Each code is named many times over — by the view
 * model for every language, by templates' case helpers in every target, by lint — and splitting
 * words is Unicode regex work; the answer depends only on the arguments.
 */
const named = new Map<string, { byText: Map<string, string>; derive: (text: string) => string }>();

/** Writes a code's words in a case style. `initialisms` only affects pascal and camel case. */
export function toCase(text: string, style: CaseStyle, useInitialisms = true): string {
  if (canonicalUpperSnake.test(text)) return upperSnakeCase(text, style, useInitialisms);
  // One map per style, so a lookup hashes the text alone and builds no key string.
  const styleKey = useInitialisms ? style : `${style}-`;
  let memo = named.get(styleKey);
  if (memo === undefined) named.set(styleKey, (memo = { byText: new Map(), derive: (t) => writeCase(splitWords(t), style, useInitialisms) }));
  return remembered(memo.byText, text, memo.derive);
}

/**
 * A code in canonical UPPER_SNAKE_CASE (`APIGATEWAY_NOT_FOUND`, `HTTP2_ERROR`), as most are: its
 * words are its parts between single `_`, already in capitals, so no splitting rule is needed.
 */
const canonicalUpperSnake = /^[A-Z0-9]+(?:_[A-Z0-9]+)*$/;

/** Whether a code is in canonical UPPER_SNAKE_CASE: two such codes differ in every case style that keeps word breaks (snake, kebab, constant). */
export function isCanonicalUpperSnake(code: string): boolean {
  return canonicalUpperSnake.test(code);
}

/** toCase of a canonical UPPER_SNAKE_CASE code, written directly: cheaper than a cache lookup. */
function upperSnakeCase(code: string, style: CaseStyle, useInitialisms: boolean): string {
  switch (style) {
    case 'constant':
      return code;
    case 'snake':
      return code.toLowerCase();
    case 'kebab':
      return code.toLowerCase().replaceAll('_', '-');
    default: {
      const words = code.split('_');
      let out = '';
      for (let i = 0; i < words.length; i++) out += style === 'camel' && i === 0 ? words[i]!.toLowerCase() : capitalize(words[i]!, style !== 'upperCamel' && useInitialisms);
      return out;
    }
  }
}

function writeCase(words: readonly string[], style: CaseStyle, useInitialisms: boolean): string {
  switch (style) {
    case 'pascal':
      return words.map((w) => capitalize(w, useInitialisms)).join('');
    case 'upperCamel':
      return words.map((w) => capitalize(w, false)).join('');
    case 'camel':
      return words.map((w, i) => (i === 0 ? w.toLowerCase() : capitalize(w, useInitialisms))).join('');
    case 'constant':
      return words.map((w) => w.toUpperCase()).join('_');
    case 'snake':
      return words.map((w) => w.toLowerCase()).join('_');
    case 'kebab':
      return words.map((w) => w.toLowerCase()).join('-');
  }
}
