/**
 * A group title from the heading above a table, without its numbering:
 * "Table 1. General Error Code" → "General Error Code", "2.3 Console errors" → "Console errors".
 */
export function groupTitle(heading: string | undefined): string | undefined {
  if (heading === undefined) return undefined;
  const title = heading
    .replace(/^(?:table|tab\.?|表)\s*\d+(?:[.-]\d+)*\s*[.:：、-]?\s*/i, '')
    .replace(/^\d+(?:\.\d+)*[.)、]?\s+/, '')
    .trim();
  return title === '' ? heading.trim() || undefined : title;
}
