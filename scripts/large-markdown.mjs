// A deterministic Markdown page with N error-code rows spread over a few tables, for measuring
// errgen at scale and for the large-catalog tests. Usage:
//   node scripts/large-markdown.mjs <rows> [out.md]      (stdout when no file is given)
// Codes are unique and clash-free in every target language, so `errgen check` passes on the result;
// cells carry the markup that costs something to read (inline code, emphasis, links, `\|`, <br>).
import { writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

const words = ['ARGUMENT', 'RESOURCE', 'QUOTA', 'TOKEN', 'REQUEST', 'ACCOUNT', 'REGION', 'BUCKET', 'POLICY', 'SESSION'];
const states = ['NOT_FOUND', 'INVALID', 'EXPIRED', 'CONFLICT', 'LOCKED', 'EXCEEDED', 'DENIED', 'UNAVAILABLE'];
const statuses = ['400', '401 Unauthorized', '403', '404 Not Found', '409', '429 TooManyRequests', '500', '502', '503'];

/** The code of row `i` (0-based): unique, UPPER_SNAKE_CASE, a distinct identifier everywhere. */
export function largeCode(i) {
  return `${words[i % words.length]}_${states[Math.floor(i / words.length) % states.length]}_${i + 1}`;
}

/** The cells row `i` has in every table: status, message, solution. */
export function largeRow(i) {
  const status = statuses[i % statuses.length];
  // One row in ten carries markup, as real pages do now and then; the rest is plain text.
  const message =
    i % 10 === 9
      ? [`Value of \`field_${i}\` is *wrong*`, `Either a \\| b for row ${i + 1}`, `See [the guide](https://example.com/errors#${i}) &amp; retry`][i % 3]
      : `The ${words[i % words.length].toLowerCase()} is not usable (case ${i + 1}, naïve café)`;
  const solution = i % 7 === 0 ? '' : i % 5 === 0 ? `Check the request<br>then retry ${i + 1}` : 'Please check access information';
  return { code: largeCode(i), status, message, solution };
}

/**
 * The page: `tables` tables with numbered headings, rows dealt out in order. The last table puts
 * its columns in another order and has an extra column, so the group `columns` path is exercised.
 */
export function largeMarkdown(rows, tables = 4) {
  const out = ['# Error codes', '', 'Generated for scale tests: every row is a distinct code.', ''];
  const perTable = Math.ceil(rows / tables);
  for (let t = 0; t * perTable < rows; t++) {
    const reordered = t === tables - 1 && t > 0;
    out.push(`## Table ${t + 1}. Error group ${t + 1}`, '');
    out.push(reordered ? '| HTTP Status | Error Code | Message | Solution | Since |' : '| Error Code | HTTP Status | Message | Solution |');
    out.push(reordered ? '|---|---|---|---|---|' : '|---|:---:|---|---|');
    for (let i = t * perTable; i < Math.min(rows, (t + 1) * perTable); i++) {
      const r = largeRow(i);
      out.push(reordered ? `| ${r.status} | ${r.code} | ${r.message} | ${r.solution} | v${(i % 9) + 1} |` : `| ${r.code} | ${r.status} | ${r.message} | ${r.solution} |`);
    }
    out.push('', `Text after table ${t + 1}.`, '');
  }
  return out.join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const rows = Number(process.argv[2] ?? '1000');
  const text = largeMarkdown(rows);
  if (process.argv[3]) writeFileSync(process.argv[3], text);
  else process.stdout.write(text);
}
