/** The catalog fields a Markdown column can feed. */
export const fieldNames = ['code', 'status', 'message', 'solution'] as const;
export type FieldName = (typeof fieldNames)[number];

/** Header names per field; `given`: how many at the start of each list the config or `--header` gave. */
export type HeaderSynonyms = Readonly<Record<FieldName, readonly string[]>> & { readonly given?: Readonly<Partial<Record<FieldName, number>>> };

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

/** The names a config or `--header` gives come first: they are preferred to the built-in ones (see classifyColumns). */
export function mergeSynonyms(base: HeaderSynonyms, extra: Partial<Record<FieldName, readonly string[]>>): HeaderSynonyms {
  const merged = {} as Record<FieldName, readonly string[]>;
  const given: Partial<Record<FieldName, number>> = {};
  for (const field of fieldNames) {
    merged[field] = [...(extra[field] ?? []), ...base[field]];
    given[field] = extra[field]?.length ?? 0;
  }
  return { ...merged, given };
}

/** What each column of a table holds: a catalog field, or an extra column kept by its header text. */
export type ColumnRole = { readonly field: FieldName } | { readonly extra: string };

/** A column whose header names a field that another column, preferred, feeds. */
export interface PassedOver {
  readonly field: FieldName;
  /** Indexes of the column taken and of the one kept as an extra column. */
  readonly taken: number;
  readonly other: number;
}

/**
 * Which column feeds each field. When several headers name one field (`Description` and `Message`;
 * `Status` and `HTTP Status`), the one earliest in its synonym list wins: a name the config or
 * `--header` gives, then the field's own name, then the others in the order above; on a tie, the
 * leftmost. The others are extra columns, kept under their headers, and listed in `passedOver`
 * unless the column taken was chosen by a name the config or `--header` gave.
 */
export function classifyColumns(headers: readonly string[], synonyms: HeaderSynonyms): { roles: ColumnRole[]; passedOver: PassedOver[] } {
  // A name the config gives for one field beats a built-in name of another (`solution=Description`).
  const lookup = new Map<string, { field: FieldName; rank: number }>();
  for (const givenOnly of [true, false]) {
    for (const field of fieldNames) {
      synonyms[field].forEach((name, rank) => {
        const key = normalizeHeader(name);
        if (givenOnly === rank < (synonyms.given?.[field] ?? 0) && !lookup.has(key)) lookup.set(key, { field, rank });
      });
    }
  }
  const matches = headers.map((header) => lookup.get(normalizeHeader(header)));
  const best = new Map<FieldName, number>();
  matches.forEach((match, i) => {
    if (!match) return;
    const current = best.get(match.field);
    if (current === undefined || match.rank < (matches[current]?.rank ?? Infinity)) best.set(match.field, i);
  });
  const passedOver: PassedOver[] = [];
  const roles = headers.map((header, i): ColumnRole => {
    const match = matches[i];
    if (match === undefined) return { extra: header };
    const taken = best.get(match.field) as number;
    if (taken === i) return { field: match.field };
    const chosen = (matches[taken]?.rank ?? 0) < (synonyms.given?.[match.field] ?? 0);
    if (!chosen) passedOver.push({ field: match.field, taken, other: i });
    return { extra: header };
  });
  return { roles, passedOver };
}
