/**
 * A reference formatter for the patterns errgen writes, after FormatJS's parser (intl-messageformat
 * is not a dependency here): `''` is an apostrophe; an apostrophe before `{`, `}`, `<` or `>` starts
 * quoted text that runs to the next single apostrophe; `{name}` is an argument printed like String();
 * an unquoted `}`, or a `<` before a letter or `/` (a FormatJS tag), is an error.
 */
export function formatIcu(pattern: string, values: Readonly<Record<string, string | number>>): string {
  let text = '';
  for (let i = 0; i < pattern.length; ) {
    const ch = pattern[i] as string;
    const next = pattern[i + 1] ?? '';
    if (ch === "'" && next === "'") {
      text += "'";
      i += 2;
    } else if (ch === "'" && '{}<>'.includes(next)) {
      for (i += 1; i < pattern.length; i++) {
        if (pattern[i] !== "'") text += pattern[i];
        else if (pattern[i + 1] === "'") text += pattern[i++];
        else break;
      }
      i += 1;
    } else if (ch === '{') {
      const argument = /^\{([A-Za-z_]\w*)\}/.exec(pattern.slice(i));
      if (!argument || !(argument[1]! in values)) throw new Error(`bad or unknown argument at ${i} in ${JSON.stringify(pattern)}`);
      text += String(values[argument[1]!]);
      i += argument[0].length;
    } else if (ch === '}' || (ch === '<' && /[A-Za-z/]/.test(next))) {
      throw new Error(`unquoted "${ch}${next}" at ${i} in ${JSON.stringify(pattern)}`);
    } else {
      text += ch;
      i += 1;
    }
  }
  return text;
}
