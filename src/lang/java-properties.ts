/**
 * Java resource bundles: `.properties` text (java.util.Properties, PropertyResourceBundle) and the
 * java.text.MessageFormat patterns their values hold.
 *
 * Files are plain ASCII: every other character is a `\uXXXX` escape (a UTF-16 code unit, so an
 * emoji is a surrogate pair). Every Java version reads that alike: Java 8's PropertyResourceBundle
 * and `Properties.load(InputStream)` read ISO-8859-1, Java 9+ bundles UTF-8.
 */
import { flat, singleLineWithoutBidi, u4 } from './escape.js';

/** One run of a template: literal text, or a placeholder naming its parameter. */
export type MessageFormatPart = { readonly text: string; readonly param: { readonly name: string } | null };

/** Escapes both keys and values need: the escape character and the characters a line cannot hold raw. */
const named: Readonly<Record<string, string>> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r', '\f': '\\f' };

function escaped(text: string, isSpecial: (ch: string, index: number) => boolean): string {
  // Runs that need no escape are copied as slices: most text has none at all.
  let out = '';
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    const cp = ch.charCodeAt(0);
    let escape: string;
    if (named[ch] !== undefined) escape = named[ch];
    else if (isSpecial(ch, i)) escape = `\\${ch}`;
    else if (cp < 0x20 || cp > 0x7e) escape = u4(cp);
    else continue;
    out += text.slice(from, i) + escape;
    from = i + 1;
  }
  return from === 0 ? text : flat(out + text.slice(from));
}

// Text `escaped` would give back unchanged, told by one regex test instead of a call per character.
/** Printable ASCII but `\`, and no space, `=`, `:`, `#` or `!`. */
const plainKey = /^[^\x00-\x20\x7f-\uffff\\=:#!]*$/;
/** Printable ASCII but `\`, not starting with a space. */
const plainValue = /^(?! )[^\x00-\x1f\x7f-\uffff\\]*$/;

/**
 * A key: spaces, `=` and `:` would end it, `#` and `!` at its start would make the line a comment;
 * all are escaped wherever they are, as Properties.store does.
 */
export function propertiesKey(text: string): string {
  return plainKey.test(text) ? text : escaped(text, (ch) => ch === ' ' || ch === '=' || ch === ':' || ch === '#' || ch === '!');
}

/** A value: a leading space would be skipped as the separator's; later ones, `=`, `:`, `#` and `!` are text. */
export function propertiesValue(text: string): string {
  return plainValue.test(text) ? text : escaped(text, (ch, index) => ch === ' ' && index === 0);
}

/** Text for a `#` comment line: one line, ASCII (the rest as `\uXXXX`, which a comment keeps as written). */
export function propertiesComment(text: string): string {
  return singleLineWithoutBidi(text).replace(/[^\x20-\x7e]/g, (ch) => u4(ch.charCodeAt(0)));
}

/**
 * Literal text inside a java.text.MessageFormat pattern: `'` is written `''`; a run of braces is
 * quoted, `'{}'` (MessageFormat would read `{` as an argument; a `}` is quoted too, for readers
 * that are less lenient). In java.text.MessageFormat every apostrophe is special, unlike ICU's.
 */
export function messageFormatLiteral(text: string): string {
  return text.replace(/'/g, "''").replace(/[{}]+/g, (braces) => `'${braces}'`);
}

/**
 * A template's parts as a MessageFormat pattern: each placeholder as `{n}`, n its parameter's
 * position in `params` (the order generated code takes them), literal text quoted.
 */
export function messageFormatPattern(parts: readonly MessageFormatPart[], params: ReadonlyArray<{ readonly name: string }>): string {
  return parts
    .map((part) => {
      if (!part.param) return messageFormatLiteral(part.text);
      const index = params.findIndex((p) => p.name === part.param?.name);
      if (index < 0) throw new Error(`placeholder {${part.param.name}} is not one of the parameters`);
      return `{${index}}`;
    })
    .join('');
}
