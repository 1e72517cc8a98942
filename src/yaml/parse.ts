import { type Document, isNode, LineCounter, parseAllDocuments } from 'yaml';
import type { Diagnostic, Location } from '../diagnostics.js';
import type { SchemaName } from './schema.js';
import { validateAgainstSchema } from './validate.js';

export interface ParsedYaml<T> {
  readonly value: T;
  /** The YAML document, with comments, for editing without losing what people wrote. */
  readonly document: Document;
  /** Where the node at a path (e.g. ['groups', 0, 'codes', 3]) starts in the file. */
  locate(path: readonly (string | number)[]): Location;
}

/** Limits that keep hostile YAML (alias bombs) bounded. */
const maxAliasCount = 100;

/**
 * Parses one YAML document and validates it against a shipped JSON Schema. Returns the value, or
 * every problem at once with file:line:col.
 */
export async function parseYaml<T>(text: string, file: string, schema: SchemaName): Promise<ParsedYaml<T> | Diagnostic[]> {
  const lineCounter = new LineCounter();
  const parsed = parseAllDocuments(text, { lineCounter, uniqueKeys: true, prettyErrors: false, strict: true });
  const documents = Array.isArray(parsed) ? parsed : [];
  const at = (offset: number): Location => positionAt(lineCounter, file, offset);
  if (documents.length > 1) {
    return [
      {
        severity: 'error',
        at: at((documents[1] as Document).range?.[0] ?? 0),
        message: 'the file holds more than one YAML document',
        hint: 'Keep one document: remove the `---` separator and what follows it, or merge the documents.',
      },
    ];
  }
  const document = documents[0];
  if (!document || document.contents === null) {
    return [{ severity: 'error', at: at(0), message: 'the file is empty', hint: `Write the ${schema} as a YAML mapping.` }];
  }
  const problems: Diagnostic[] = [...document.errors, ...document.warnings].map((error) => ({
    severity: 'error',
    at: at(error.pos[0]),
    message: `invalid YAML: ${firstLine(error.message)}`,
    hint: 'Fix the YAML syntax at this place.',
  }));
  if (problems.length > 0) return problems;
  let value: unknown;
  try {
    value = document.toJS({ maxAliasCount });
  } catch (error) {
    return [{ severity: 'error', at: at(0), message: `the YAML cannot be loaded: ${firstLine((error as Error).message)}`, hint: 'Replace aliases (`*name`) by plain values.' }];
  }
  const locate = (path: readonly (string | number)[]): Location => {
    for (let depth = path.length; depth >= 0; depth--) {
      const node = depth === 0 ? document.contents : document.getIn(path.slice(0, depth), true);
      if (isNode(node) && node.range) return at(node.range[0]);
    }
    return at(0);
  };
  const schemaProblems = validateAgainstSchema(schema, value, locate);
  if (schemaProblems.length > 0) return schemaProblems;
  return { value: value as T, document, locate };
}

function firstLine(message: string): string {
  return (message.split('\n')[0] ?? message).replace(/ at line \d+, column \d+:?$/, '');
}

function positionAt(lineCounter: LineCounter, file: string, offset: number): Location {
  const { line, col } = lineCounter.linePos(offset);
  return { file, line, column: col };
}
