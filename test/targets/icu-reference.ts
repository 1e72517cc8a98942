import { IntlMessageFormat } from 'intl-messageformat';

/**
 * Formats a pattern errgen wrote with FormatJS's intl-messageformat, the library a TypeScript app
 * would load the bundle with: its parser decides what is quoted, what is an argument and what is a
 * tag (an unquoted `<b>` is one), so a wrong escape fails here as it would in the app.
 */
export function formatIcu(pattern: string, values: Readonly<Record<string, string | number>>): string {
  const formatted = new IntlMessageFormat(pattern, 'en').format(values);
  if (typeof formatted !== 'string') throw new Error(`${JSON.stringify(pattern)} formats to parts, not text: it holds a tag`);
  return formatted;
}
