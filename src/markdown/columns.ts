/** The catalog fields a Markdown column can feed. */
export const fieldNames = ['code', 'status', 'message', 'solution'] as const;
export type FieldName = (typeof fieldNames)[number];

export type HeaderSynonyms = Readonly<Record<FieldName, readonly string[]>>;

/**
 * Header names recognised out of the box, compared after `normalizeHeader`. Includes the
 * Chinese originals such pages are often translated from.
 */
export const defaultHeaderSynonyms: HeaderSynonyms = {
  code: ['code', 'error code', 'errorcode', 'error_code', 'err code', 'error id', '错误码', '错误代码', '返回码', '错误编码'],
  status: [
    'status',
    'http status',
    'http status code',
    'status code',
    'http code',
    'http',
    'http状态码',
    '状态码',
    'http 状态码',
    'http返回码',
  ],
  message: [
    'message',
    'error message',
    'error information',
    'error info',
    'description',
    'error description',
    'msg',
    'meaning',
    '错误信息',
    '错误描述',
    '描述',
    '说明',
    '错误提示',
    '信息',
  ],
  solution: [
    'solution',
    'solutions',
    'resolution',
    'suggestion',
    'suggestions',
    'remedy',
    'action',
    'how to fix',
    '解决方案',
    '解决办法',
    '处理建议',
    '处理措施',
    '建议',
  ],
};

/** Case-, space- and punctuation-insensitive form of a header cell. */
export function normalizeHeader(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    // Full-width ：（） too. Non-ASCII is written as \u escapes in regexps: esbuild copies a regexp
    // literal as written, and one non-ASCII character makes V8 hold the whole bundle as two-byte text.
    .replace(/[\s_\-.:\uFF1A()\uFF08\uFF09]+/g, ' ')
    .trim();
}

export function mergeSynonyms(base: HeaderSynonyms, extra: Partial<Record<FieldName, readonly string[]>>): HeaderSynonyms {
  const merged = {} as Record<FieldName, readonly string[]>;
  for (const field of fieldNames) merged[field] = [...base[field], ...(extra[field] ?? [])];
  return merged;
}

/** What each column of a table holds: a catalog field, or an extra column kept by its header text. */
export type ColumnRole = { readonly field: FieldName } | { readonly extra: string };

export function classifyColumns(headers: readonly string[], synonyms: HeaderSynonyms): ColumnRole[] {
  const lookup = new Map<string, FieldName>();
  for (const field of fieldNames) for (const name of synonyms[field]) lookup.set(normalizeHeader(name), field);
  const taken = new Set<FieldName>();
  return headers.map((header) => {
    const field = lookup.get(normalizeHeader(header));
    if (field === undefined || taken.has(field)) return { extra: header };
    taken.add(field);
    return { field };
  });
}
