import type { Catalog, CatalogCode, ParamType } from '../catalog/model.js';
import type { Language } from '../lang/language.js';
import { defaultLocale, fallbackChain, knownLocales } from '../messages/locales.js';
import { type Param, paramsOf } from '../messages/params.js';
import { hasBraces, parseTemplate } from '../messages/template.js';
import { memberName } from '../names/identifier.js';

/** A message parameter as generators see it. */
export interface ViewParam {
  /** The placeholder's name as written in the catalog (`resource_id`). */
  readonly name: string;
  readonly type: ParamType;
  readonly description: string | undefined;
  /** A sample value of the type, for examples. */
  readonly example: string | number | boolean;
  /** The parameter's identifier per language id (`ts: resourceId`, `python: resource_id`), never a keyword. */
  readonly names: Readonly<Record<string, string>>;
}

/**
 * One run of a template: literal text (`param` null), or a placeholder (`text` empty). A
 * placeholder a translation uses but the code does not have stays literal text, `{name}`.
 */
export interface ViewPart {
  readonly text: string;
  readonly param: ViewParam | null;
}

/** A message or solution template, ready to print: as written, in parts, and filled with the examples. */
export interface ViewTemplate {
  /** The template as the catalog writes it (`{{` for a literal brace). */
  readonly template: string;
  readonly parts: readonly ViewPart[];
  /** The text with every placeholder filled by its parameter's example value. */
  readonly example: string;
  /** Whether it has at least one placeholder. */
  readonly hasParams: boolean;
}

/** A code's texts in one locale, after fallback. */
export interface ViewLocalized {
  readonly locale: string;
  readonly message: ViewTemplate;
  readonly solution: ViewTemplate;
  /** The locale whose message this is: the locale itself when translated, else where the fallback found it. */
  readonly messageFrom: string;
  /** Whether the code has its own translation into this locale (for the default locale: always). */
  readonly translated: boolean;
  /** False when the translation used is marked `reviewed: false`. */
  readonly reviewed: boolean;
}

/** One locale generated code knows. */
export interface ViewLocale {
  /** The BCP 47 tag as the catalog writes it (`zh-CN`). */
  readonly tag: string;
  /** With `_` for `-` (`zh_CN`), as Java resource bundles and POSIX locales name it. */
  readonly underscore: string;
  readonly isDefault: boolean;
  /** Where it looks for a text, itself first and the default locale last (`zh-HK`: zh-HK, zh-TW, zh, en). */
  readonly chain: readonly string[];
}

/** Names generated formatters keep for themselves, so a placeholder can never shadow them; `arguments` and `eval` cannot name a parameter in strict JavaScript. */
const formatterLocals = ['locale', 'params', 'values', 'args', 'code', 'arguments', 'eval', '_'];

const asParameters = new Map<Language, Language>();

/**
 * The identifier of a parameter in one language, by the naming engine's rules for codes (memberName):
 * the language's parameter case, no member prefix, `_` after a reserved word or a formatter's own local.
 */
export function parameterName(name: string, language: Language): string {
  let parameters = asParameters.get(language);
  if (!parameters) {
    parameters = { ...language, memberCase: language.parameterCase ?? 'camel', memberPrefix: '', reserved: new Set([...language.reserved, ...formatterLocals]) };
    asParameters.set(language, parameters);
  }
  // A name of underscores only has no words; it keeps one, made safe like a reserved word.
  return memberName(name, parameters) ?? '__';
}

export function viewParams(entry: CatalogCode, languages: readonly Language[]): readonly ViewParam[] {
  const params = paramsOf(entry);
  if (params.length === 0) return noViewParams;
  return params.map((param: Param) => ({
    name: param.name,
    type: param.type,
    description: param.description,
    example: param.example,
    names: Object.fromEntries(languages.map((language) => [language.id, parameterName(param.name, language)])),
  }));
}

/** Shared by every code without parameters (most codes): a view model of 100,000 codes is built in every thread that renders. */
const noViewParams: readonly ViewParam[] = Object.freeze([]);

export function viewTemplate(template: string, params: readonly ViewParam[]): ViewTemplate {
  // Text without braces (most) is one run of literal text, or none: no need to parse it.
  if (!hasBraces(template)) return literalTemplate(template, template);
  const parsed = parseTemplate(template);
  // No placeholders: one run of text at most, as the parser merges literal runs.
  if (parsed.params.length === 0) return literalTemplate(template, parsed.parts.length > 0 ? (parsed.parts[0] as { text: string }).text : '');
  return viewTemplateInParts(template, params, parsed);
}

/** A template without placeholders, reading `text`. */
function literalTemplate(template: string, text: string): ViewTemplate {
  return { template, parts: text ? [{ text, param: null }] : [], example: text, hasParams: false };
}

/** viewTemplate by the general rule, for any template; exported so tests can hold the shortcut to it. */
export function viewTemplateInParts(template: string, params: readonly ViewParam[], parsed = parseTemplate(template)): ViewTemplate {
  const parts: ViewPart[] = [];
  for (const part of parsed.parts) {
    const param = 'param' in part ? params.find((p) => p.name === part.param) : undefined;
    const text = 'text' in part ? part.text : param ? '' : `{${part.param}}`;
    const last = parts[parts.length - 1];
    // A placeholder the code lacks reads as literal text: merge it with its neighbours.
    if (!param && last && !last.param) parts[parts.length - 1] = { text: last.text + text, param: null };
    else parts.push({ text, param: param ?? null });
  }
  return {
    template,
    parts,
    example: parts.map((part) => (part.param ? String(part.param.example) : part.text)).join(''),
    hasParams: parts.some((part) => part.param),
  };
}

export function viewLocales(catalog: Catalog): ViewLocale[] {
  const base = defaultLocale(catalog);
  return knownLocales(catalog).map((tag) => ({ tag, underscore: tag.replace(/-/g, '_'), isDefault: tag === base, chain: fallbackChain(tag, catalog) }));
}

/** A code's message and solution in every known locale, each found along the locale's fallback chain. */
export function viewLocalized(entry: CatalogCode, params: readonly ViewParam[], locales: readonly ViewLocale[], base: string): ViewLocalized[] {
  const translations = entry.messages ?? {};
  return locales.map(({ tag, chain }) => {
    const messageFrom = chain.find((t) => t === base || translations[t]) ?? base;
    const solutionFrom = chain.find((t) => t === base || translations[t]?.solution !== undefined) ?? base;
    const own = tag === base ? undefined : translations[tag];
    const used = messageFrom === base ? undefined : translations[messageFrom];
    return {
      locale: tag,
      message: viewTemplate(used?.message ?? entry.message, params),
      solution: viewTemplate(solutionFrom === base ? entry.solution : (translations[solutionFrom]?.solution ?? entry.solution), params),
      messageFrom,
      translated: tag === base || own !== undefined,
      reviewed: used?.reviewed !== false,
    };
  });
}
