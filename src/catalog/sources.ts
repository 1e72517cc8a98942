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

export interface SourceRow {
  readonly code: string;
  readonly at: Location;
}

/** Row locations in catalog order; paths relative to the catalog's folder, with `/`. */
export function serializeSources(rows: readonly SourceRow[], catalogPath: string): string {
  const base = dirname(catalogPath);
  // One path.relative per file, not per row: it resolves both paths against the working directory.
  const relativeFiles = new Map<string, string>();
  const lines = rows.map((row) => {
    let file = relativeFiles.get(row.at.file);
    if (file === undefined) relativeFiles.set(row.at.file, (file = relative(base, row.at.file).split(sep).join('/')));
    return `    ${JSON.stringify({ code: row.code, at: `${file}:${row.at.line}:${row.at.column}` })}`;
  });
  return [
    '{',
    '  "$comment": "Written by errgen import: where each catalog row came from. Do not edit.",',
    `  "rows": [${lines.length ? '\n' + lines.join(',\n') + '\n  ' : ''}]`,
    '}',
    '',
  ].join('\n');
}

/** Reads a sidecar; a missing or unreadable one is simply no knowledge. Paths come back relative to cwd. */
export function parseSources(text: string | undefined, catalogPath: string): SourceRow[] {
  if (text === undefined) return [];
  try {
    const data = JSON.parse(text) as { rows?: Array<{ code?: unknown; at?: unknown }> };
    const base = dirname(catalogPath);
    return (data.rows ?? []).flatMap((row) => {
      const match = typeof row.at === 'string' ? /^(.*):(\d+):(\d+)$/.exec(row.at) : null;
      if (typeof row.code !== 'string' || !match) return [];
      const file = match[1] as string;
      return [{ code: row.code, at: { file: isAbsolute(file) ? file : join(base, file), line: Number(match[2]), column: Number(match[3]) } }];
    });
  } catch {
    return [];
  }
}

/** Each code's locations in order, so the n-th row of a code is found without scanning every row. */
export function locationsByCode(rows: ReadonlyArray<{ readonly code: string; readonly at: Location }>): Map<string, Location[]> {
  const byCode = new Map<string, Location[]>();
  for (const row of rows) {
    const list = byCode.get(row.code);
    if (list) list.push(row.at);
    else byCode.set(row.code, [row.at]);
  }
  return byCode;
}
