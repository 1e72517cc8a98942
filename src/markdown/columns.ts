/** The catalog fields a Markdown column can feed. */
export const fieldNames = ['code', 'status', 'message', 'solution'] as const;
export type FieldName = (typeof fieldNames)[number];

/**
 * Header names per field; `given`: how many at the start of each list `--header` or the config gave,
 * and `flagged`: how many of those (the first) `--header` gave.
 */
export type HeaderSynonyms = Readonly<Record<FieldName, readonly string[]>> & {
  readonly given?: Readonly<Partial<Record<FieldName, number>>>;
  readonly flagged?: Readonly<Partial<Record<FieldName, number>>>;
};

/** Where header names from `--header` say how many of a field's names (the first) they are. */
export const fromFlags: unique symbol = Symbol('header names from --header');

/** Extra header names per field, from the config and `--header` (see headerFlags): those of `--header` first. */
export type HeaderNames = Partial<Record<FieldName, readonly string[]>> & { readonly [fromFlags]?: Readonly<Partial<Record<FieldName, number>>> };

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
export function mergeSynonyms(base: HeaderSynonyms, extra: HeaderNames): HeaderSynonyms {
  const merged = {} as Record<FieldName, readonly string[]>;
  const given: Partial<Record<FieldName, number>> = {};
  for (const field of fieldNames) {
    merged[field] = [...(extra[field] ?? []), ...base[field]];
    given[field] = extra[field]?.length ?? 0;
  }
  return { ...merged, given, flagged: extra[fromFlags] ?? {} };
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
 * `Status` and `HTTP Status`), the one earliest in its synonym list wins: a name `--header` gives,
 * then one the config gives, then the field's own name, then the others in the order above; on a
 * tie, the leftmost. A name is first looked up in that order across fields too: `--header
 * solution=Notes` beats a config's `message: [Notes]`, which beats the built-in names. The other
 * columns are extra columns, kept under their headers, and listed in `passedOver` unless a
 * `--header` of this run chose (a config's names serve every page, where the choice may be wrong).
 */
export function classifyColumns(headers: readonly string[], synonyms: HeaderSynonyms): { roles: ColumnRole[]; passedOver: PassedOver[] } {
  const tier = (field: FieldName, rank: number) => (rank < (synonyms.flagged?.[field] ?? 0) ? 0 : rank < (synonyms.given?.[field] ?? 0) ? 1 : 2);
  const lookup = new Map<string, { field: FieldName; rank: number }>();
  for (const pass of [0, 1, 2]) {
    for (const field of fieldNames) {
      synonyms[field].forEach((name, rank) => {
        const key = normalizeHeader(name);
        if (tier(field, rank) === pass && !lookup.has(key)) lookup.set(key, { field, rank });
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
    const chosen = (matches[taken]?.rank ?? 0) < (synonyms.flagged?.[match.field] ?? 0);
    if (!chosen) passedOver.push({ field: match.field, taken, other: i });
    return { extra: header };
  });
  return { roles, passedOver };
}
