/**
 * A group title from the heading above a table, without its numbering and without a heading id
 * (`{#auth}`, as Pandoc, kramdown, Hugo and Docusaurus write them):
 * "Table 1. General Error Code" → "General Error Code", "2.3 Console errors" → "Console errors".
 */
export function groupTitle(written: string | undefined): string | undefined {
  if (written === undefined) return undefined;
  const heading = written.replace(/\s*\{#[^\s{}]+(?:\s[^{}]*)?\}$/, '');
  // `表 1：` / `Table 1.` (\u8868 is 表, \uFF1A a full-width colon, \u3001 the ideographic comma;
  // written as escapes to keep the bundle ASCII, see columns.ts).
  const title = heading
    .replace(/^(?:table|tab\.?|\u8868)\s*\d+(?:[.-]\d+)*\s*[.:\uFF1A\u3001-]?\s*/i, '')
    .replace(/^\d+(?:\.\d+)*[.)\u3001]?\s+/, '')
    .trim();
  return title === '' ? heading.trim() || undefined : title;
}
