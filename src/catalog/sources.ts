import { dirname, isAbsolute, join, relative, sep } from 'node:path';
import type { Location } from '../diagnostics.js';

/**
 * The sidecar beside a catalog that remembers where each imported row came from, so checks can
 * point at the Markdown cell while the catalog itself stays free of line numbers that would churn.
 * `errors.yaml` → `errors.sources.json`.
 */
export function sourcesPathFor(catalogPath: string): string {
  return catalogPath.replace(/\.ya?ml$/i, '') + '.sources.json';
}

/** A catalog entry's row; `at` is null for an entry no import placed (one written by hand, or whose row left the page). */
export interface SourceRow {
  readonly code: string;
  readonly at: Location | null;
}

/**
 * Row locations in catalog order, one per entry (so that the n-th location of a code is its n-th
 * entry's); paths relative to the catalog's folder, with `/`.
 */
export function serializeSources(rows: readonly SourceRow[], catalogPath: string): string {
  const base = dirname(catalogPath);
  // One path.relative per file, not per row: it resolves both paths against the working directory.
  const relativeFiles = new Map<string, string>();
  const lines = rows.map(({ code, at }) => {
    if (at === null) return `    ${JSON.stringify({ code, at: null })}`;
    let file = relativeFiles.get(at.file);
    if (file === undefined) relativeFiles.set(at.file, (file = relative(base, at.file).split(sep).join('/')));
    return `    ${JSON.stringify({ code, at: `${file}:${at.line}:${at.column}` })}`;
  });
  return [
    '{',
    '  "$comment": "Written by errgen import: where each catalog row came from. Do not edit.",',
    `  "rows": [${lines.length ? '\n' + lines.join(',\n') + '\n  ' : ''}]`,
    '}',
    '',
  ].join('\n');
}

/** `file:line:column`, the file possibly holding colons itself. */
const placeOfRow = /^(.*):(\d+):(\d+)$/;

/** Reads a sidecar; a missing or unreadable one is simply no knowledge. Paths come back relative to cwd. */
export function parseSources(text: string | undefined, catalogPath: string): SourceRow[] {
  if (text === undefined) return [];
  try {
    const data = JSON.parse(text) as { rows?: Array<{ code?: unknown; at?: unknown }> };
    const base = dirname(catalogPath);
    // A few pages named by 100,000 rows: each path is joined once.
    const paths = new Map<string, string>();
    const pathOf = (file: string) => {
      let path = paths.get(file);
      if (path === undefined) paths.set(file, (path = isAbsolute(file) ? file : join(base, file)));
      return path;
    };
    const rows: SourceRow[] = [];
    for (const row of data.rows ?? []) {
      if (typeof row.code !== 'string') continue;
      const match = typeof row.at === 'string' ? placeOfRow.exec(row.at) : null;
      // An entry with no place keeps its position among its code's entries.
      if (match) rows.push({ code: row.code, at: { file: pathOf(match[1] as string), line: Number(match[2]), column: Number(match[3]) } });
      else if (row.at === null) rows.push({ code: row.code, at: null });
    }
    return rows;
  } catch {
    return [];
  }
}

/** Each code's locations in order (null where an entry has none), so the n-th entry's row is found without scanning every row. */
export function locationsByCode(rows: readonly SourceRow[]): Map<string, Array<Location | null>> {
  const byCode = new Map<string, Array<Location | null>>();
  for (const row of rows) {
    const list = byCode.get(row.code);
    if (list) list.push(row.at);
    else byCode.set(row.code, [row.at]);
  }
  return byCode;
}
