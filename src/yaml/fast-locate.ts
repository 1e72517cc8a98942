import type { Location } from '../diagnostics.js';
import { type FastPosition, readYamlFastWithPositions } from './fast-read.js';
import { sourceOffsetIn } from './source-offset.js';

/**
 * Places a node of a YAML text the fast reader reads, as parse.ts's nodeLocator does with yaml's
 * document: the node at a path, else the deepest node of the path that exists, and with an offset
 * into a one-line string value, where that character is written. Undefined (for the text, or for
 * one path) wherever the fast reader did not record a place: the caller then asks yaml's document.
 * test/yaml-fast-read.test.ts holds it to nodeLocator on every node of every text it reads.
 */
export function fastLocator(
  text: string,
  file: string,
  maxDepth: number,
): ((path: readonly (string | number)[], offset?: number) => Location | undefined) | undefined {
  const read = readYamlFastWithPositions(text, maxDepth);
  if (read === undefined) return undefined;
  const { value: root, position: rootPosition, lines } = read;
  const at = (line: number, column: number): Location => ({ file, line: line + 1, column: column + 1 });
  return (path, offset) => {
    let position = rootPosition;
    let value = root;
    let depth = 0;
    for (; depth < path.length && position !== null; depth++) {
      const next = child(position, path[depth]!);
      if (next === undefined) break; // not there: the deepest node that is
      if (next === null) return undefined;
      position = next;
      value = (value as Record<string | number, unknown>)[path[depth]!];
    }
    if (position === null) return undefined;
    if (offset !== undefined && depth === path.length && typeof value === 'string') {
      if (position.endColumn === undefined) return undefined;
      const within = sourceOffsetIn(lines[position.line]!.slice(position.column, position.endColumn), value, offset);
      if (within !== undefined) return at(position.line, position.column + within);
    }
    return at(position.line, position.column);
  };
}

/**
 * A collection's part at `key`, as yaml's getIn finds it: a list's item by a number, a mapping's
 * value by a string key; undefined when there is none (nor inside a scalar), null when this cannot
 * tell (a key that is not a string, a list index given as text).
 */
function child(position: FastPosition, key: string | number): FastPosition | null | undefined {
  if (position.items) return typeof key === 'number' ? (Number.isInteger(key) && key >= 0 ? position.items[key] : undefined) : null;
  if (position.keys) return typeof key === 'string' ? position.keys.get(key) : null;
  return undefined;
}
