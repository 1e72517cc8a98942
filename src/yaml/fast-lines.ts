/**
 * What the fast YAML reader's structure and scalar modules share: giving up, and measuring the
 * white space on a line.
 */

/** Thrown to give up; caught by readYamlFast alone. */
const bailOut = Symbol('bail out');
export function bail(): never {
  throw bailOut;
}

export const SPACE = 32;
export const TAB = 9;
export const HASH = 35;

/** Where the run of spaces from `from` ends. */
export function skipSpaces(line: string, from: number): number {
  let i = from;
  while (line.charCodeAt(i) === SPACE) i++;
  return i;
}

export function leadingSpaces(line: string): number {
  return skipSpaces(line, 0);
}

/** Whether only white space, or white space and a comment, follows `from`. */
export function restIsBlank(line: string, from: number): boolean {
  let i = from;
  while (line.charCodeAt(i) === SPACE || line.charCodeAt(i) === TAB) i++;
  return i >= line.length || (line.charCodeAt(i) === HASH && i > from);
}
