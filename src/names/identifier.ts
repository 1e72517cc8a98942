import type { Language } from '../lang/language.js';
import { toCase } from './case.js';

const asciiIdentifier = /^[A-Za-z0-9_]*$/;

/**
 * The identifier of a code in a language, by one documented rule set:
 * 1. an override from the catalog (`names: { go: Foo }`) is used as is;
 * 2. else the code is split into words and written in the language's case style (then in the
 *    characters the language allows, if it limits them), after its prefix;
 * 3. a name that starts with a digit gets `E` in front (`404_PAGE` → `E404Page`, `E404_PAGE`);
 * 4. a reserved word gets `_` appended (`Self` → `Self_` in Rust; `_ERROR` in Protocol Buffers, whose
 *    compiler ignores underscores when it compares values);
 * 5. a code with no letters or digits at all has no name: the caller reports it.
 * The code string itself, the wire value, is never changed.
 */
export function memberName(code: string, language: Language, override?: string): string | undefined {
  // Not remembered: a name is cheap to derive (splitting a code into words, the costly part, is
  // remembered by toCase, and a canonical UPPER_SNAKE_CASE code needs none), and at 100,000 codes a
  // lookup in a map of every code's name cost as much as deriving it again.
  return override !== undefined ? override : derivedIdentifier(code, language).name;
}

/** A code's identifier by rules 2–5, and `plain`: the code in the language's case after its prefix, which rules 3 and 4 and the characters a language allows may change. */
export interface DerivedIdentifier {
  readonly name: string | undefined;
  readonly plain: string;
}

/** `cased` is the code in the language's case style, when the caller has it already (toCase's result). */
export function derivedIdentifier(code: string, language: Language, cased = toCase(code, language.memberCase)): DerivedIdentifier {
  const prefix = language.memberPrefix ?? '';
  // Case mappings can add combining marks ('ΐ' → 'Ϊ́'): keep letters, decimal digits and `_` only.
  const allowed = asciiIdentifier.test(cased) ? cased : cased.normalize('NFC').replace(/[^\p{L}\p{Nd}_]/gu, '');
  const styled = language.identifierText ? language.identifierText(allowed) : allowed;
  const plain = prefix + cased;
  if (styled === '' || styled === '_') return { name: undefined, plain };
  // The usual name is the plain one (nothing to drop, no rule to apply): one string for both.
  let name = styled === cased ? plain : prefix + styled;
  if (startsWithNumber(name)) name = (language.memberCase === 'constant' || language.memberCase === 'snake' ? 'E_' : 'E') + name;
  if (isReserved(name, language)) name += language.reservedSuffix ?? '_';
  return { name, plain };
}

/** Whether a name is one of the language's reserved words (a derived name gets `_`, an override is refused). */
export function isReserved(name: string, language: Language): boolean {
  const compared = language.comparedAs;
  if (compared !== undefined) return language.reserved.has(compared.key(name));
  return language.reserved.has(language.reservedIgnoreCase ? name.toLowerCase() : name);
}

/** Whether a name starts with a number (\p{N}); the usual name starts with an ASCII letter, which is not. */
function startsWithNumber(name: string): boolean {
  const unit = name.charCodeAt(0);
  if ((unit >= 0x41 && unit <= 0x5a) || (unit >= 0x61 && unit <= 0x7a) || unit === 0x5f) return false;
  return /^\p{N}/u.test(name);
}
