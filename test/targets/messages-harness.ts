import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { seedCatalog } from './harness.js';

/**
 * The shared proof for message formatters in every target language: one catalog with typed
 * placeholders, literal braces, keyword-named parameters, translations with a fallback chain and
 * hostile text, and the exact strings each generated formatter must return for it.
 *
 * The expected strings are worked out here, independently of src/: a small reference formatter and
 * the fallback chains written out by hand.
 */

/** Every parameter type, literal braces, names that are keywords or formatter locals, and text every language must escape. */
export const messagesCatalog = String.raw`locales:
  default: en
  supported: [de, zh-CN, zh-TW, zh-HK]
  fallback: { zh-HK: zh-TW, zh-TW: zh-CN }
groups:
  - title: Messages
    codes:
      - code: NOT_FOUND
        status: 404
        message: 'Resource "{resource}" with id {id} was not found'
        solution: Check the {resource} id
        params:
          resource: string
          id: { type: integer, example: 7, description: The id that was looked up }
        messages:
          de: { message: 'Ressource "{resource}" mit ID {id} wurde nicht gefunden', solution: 'Prüfen Sie die ID von {resource}' }
          zh-CN: { message: '找不到资源「{resource}」（编号 {id}）', solution: '请检查 {resource} 编号' }
          zh-TW: { message: '找不到資源「{resource}」（編號 {id}）', reviewed: false }
      - code: QUOTA
        status: 429
        message: 'Used {ratio} of {{quota}}; strict={strict}'
        solution: Wait {seconds} s or raise the limit
        params:
          ratio: number
          strict: boolean
          seconds: { type: integer }
        messages:
          de: { message: '{ratio} von {{quota}} verbraucht; strikt={strict}', solution: '{seconds} s warten' }
      - code: KEYWORDS
        status: 400
        message: '{type} {class} {locale} {func} {self} {default} {params} {string}'
        solution: ''
      - code: ESCAPES
        status: 400
        message: "Line\nbreak {value} tab\tend \u2028 */ --> </script> \\ \"q\" 'a' ${'$'}{{x}} %s %d"
        solution: "Nothing {{to}} fill"
      - code: PLAIN
        status: 500
        message: No placeholders here
        solution: ''
        messages:
          zh-CN: { message: 没有占位符 }
`;

export type Value = string | number | boolean;

/** The parameters of each code in the order generated functions take them: declared first, then undeclared placeholders. */
export const paramOrder: Readonly<Record<string, ReadonlyArray<{ name: string; type: 'string' | 'integer' | 'number' | 'boolean' }>>> = {
  NOT_FOUND: [{ name: 'resource', type: 'string' }, { name: 'id', type: 'integer' }],
  QUOTA: [{ name: 'ratio', type: 'number' }, { name: 'strict', type: 'boolean' }, { name: 'seconds', type: 'integer' }],
  KEYWORDS: ['type', 'class', 'locale', 'func', 'self', 'default', 'params', 'string'].map((name) => ({ name, type: 'string' as const })),
  ESCAPES: [{ name: 'value', type: 'string' }],
  PLAIN: [],
};

/** Texts as the catalog holds them (after YAML), per code and locale: [message, solution?]. */
const texts: Readonly<Record<string, Readonly<Record<string, readonly [string, string?]>>>> = {
  NOT_FOUND: {
    en: ['Resource "{resource}" with id {id} was not found', 'Check the {resource} id'],
    de: ['Ressource "{resource}" mit ID {id} wurde nicht gefunden', 'Prüfen Sie die ID von {resource}'],
    'zh-CN': ['找不到资源「{resource}」（编号 {id}）', '请检查 {resource} 编号'],
    'zh-TW': ['找不到資源「{resource}」（編號 {id}）'],
  },
  QUOTA: {
    en: ['Used {ratio} of {{quota}}; strict={strict}', 'Wait {seconds} s or raise the limit'],
    de: ['{ratio} von {{quota}} verbraucht; strikt={strict}', '{seconds} s warten'],
  },
  KEYWORDS: { en: ['{type} {class} {locale} {func} {self} {default} {params} {string}', ''] },
  ESCAPES: { en: ['Line\nbreak {value} tab\tend \u2028 */ --> </script> \\ "q" \'a\' ${{x}} %s %d', 'Nothing {{to}} fill'] },
  PLAIN: { en: ['No placeholders here', ''], 'zh-CN': ['没有占位符'] },
};

/** Where each known locale looks, written out by hand from the catalog's fallback section. */
const chains: Readonly<Record<string, readonly string[]>> = {
  en: ['en'],
  de: ['de', 'en'],
  'zh-CN': ['zh-CN', 'zh', 'en'],
  'zh-TW': ['zh-TW', 'zh-CN', 'zh', 'en'],
  'zh-HK': ['zh-HK', 'zh-TW', 'zh-CN', 'zh', 'en'],
};

/**
 * Locale tags a caller may pass, and the known locale each must resolve to: exact, case and `_`
 * insensitive, then with subtags dropped from the end, else the default locale.
 */
export const requestedLocales: Readonly<Record<string, string>> = {
  en: 'en',
  de: 'de',
  'de-AT': 'de',
  'zh-CN': 'zh-CN',
  zh_cn: 'zh-CN',
  'zh-TW': 'zh-TW',
  'zh-HK': 'zh-HK',
  'zh-Hant-HK': 'en',
  'fr-FR': 'en',
  '': 'en',
};

/** Parameter values that test escaping both ways: quotes, braces, backslashes, non-ASCII, numbers that print differently per language. */
export const valueSets: Readonly<Record<string, ReadonlyArray<Readonly<Record<string, Value>>>>> = {
  NOT_FOUND: [
    { resource: 'user', id: 42 },
    { resource: 'he said "hi" {id} \\ \'x\' é中😀 ${x}', id: -7 },
  ],
  QUOTA: [
    { ratio: 1.5, strict: true, seconds: 0 },
    { ratio: 100, strict: false, seconds: 86400 },
    { ratio: -0.25, strict: true, seconds: -1 },
    { ratio: 0.1, strict: false, seconds: 2147483647 },
  ],
  KEYWORDS: [{ type: 't', class: 'c', locale: 'l', func: 'f', self: 's', default: 'd', params: 'p', string: '{{s}}' }],
  ESCAPES: [{ value: '}{ "\n" </script>' }],
  PLAIN: [{}],
};

/**
 * A value as every formatter prints it: strings as they are, integers in decimal, booleans as
 * true/false, numbers as JavaScript's String() does (shortest form that reads back, no trailing
 * `.0`; the test values stay clear of exponent notation).
 */
export function printed(value: Value): string {
  return String(value);
}

/** The reference formatter: `{name}` filled, `{{` and `}}` as single braces. */
export function fillReference(template: string, values: Readonly<Record<string, Value>>): string {
  return template.replace(/\{\{|\}\}|\{([A-Za-z_][A-Za-z0-9_]*)\}/g, (match, name: string | undefined) => {
    if (name === undefined) return match[0] as string;
    const value = values[name];
    return value === undefined ? match : printed(value);
  });
}

export interface MessageCase {
  readonly code: string;
  /** The locale tag passed to the formatter. */
  readonly requested: string;
  readonly values: Readonly<Record<string, Value>>;
  /** The values in the order the generated function takes them. */
  readonly args: readonly Value[];
  readonly message: string;
  readonly solution: string;
}

/** Every code × every requested locale × every value set, with the strings a formatter must return. */
export function messageCases(): MessageCase[] {
  const cases: MessageCase[] = [];
  for (const [code, byLocale] of Object.entries(texts)) {
    for (const [requested, known] of Object.entries(requestedLocales)) {
      const chain = chains[known] as readonly string[];
      const message = chain.map((l) => byLocale[l]?.[0]).find((t) => t !== undefined) as string;
      const solution = chain.map((l) => byLocale[l]?.[1]).find((t) => t !== undefined) as string;
      for (const values of valueSets[code] ?? []) {
        const args = (paramOrder[code] ?? []).map((p) => values[p.name] as Value);
        cases.push({ code, requested, values, args, message: fillReference(message, values), solution: fillReference(solution, values) });
      }
    }
  }
  return cases;
}

interface SeedEntry {
  code: string;
  message: string;
  solution: string;
  messages?: Record<string, { message: string; solution: string }>;
}

/**
 * What each language's seed test must print for the same five formatter calls, read from the
 * committed catalog: ARGUMENT_NOT_SUPPORT("page_size") message in zh-CN, its solution in zh_cn, its
 * message in the default locale; ARGUMENT_WRONG_FORMAT("page_size", "an integer") in zh-CN (not
 * translated: English); NOT_FOUND in zh-Hans-CN (no match at any level: the default locale).
 */
export function seedFormatterExpectations(): string[] {
  const entries = (parse(readFileSync(seedCatalog, 'utf8')) as { groups: Array<{ codes: SeedEntry[] }> }).groups.flatMap((g) => g.codes);
  const entry = (code: string) => entries.find((e) => e.code === code) as SeedEntry;
  const fill = (template: string, values: Record<string, string>) => template.replace(/\{(\w+)\}/g, (_, name: string) => values[name] as string);
  const zh = entry('ARGUMENT_NOT_SUPPORT').messages?.['zh-CN'] as { message: string; solution: string };
  if (zh.message !== '不支持参数 {argument}') throw new Error(`the seed's zh-CN ARGUMENT_NOT_SUPPORT changed: ${zh.message}`);
  return [
    fill(zh.message, { argument: 'page_size' }),
    zh.solution,
    fill(entry('ARGUMENT_NOT_SUPPORT').message, { argument: 'page_size' }),
    fill(entry('ARGUMENT_WRONG_FORMAT').message, { argument: 'page_size', format: 'an integer' }),
    entry('NOT_FOUND').message,
  ];
}
