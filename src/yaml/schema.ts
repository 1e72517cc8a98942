import { readFileSync } from 'node:fs';
import { packagePath } from '../package-root.js';

export type SchemaName = 'catalog' | 'config';

/** Path of a JSON Schema shipped in the package's schemas/ folder. */
export function schemaPath(name: SchemaName): string {
  return packagePath('schemas', `${name}.schema.json`);
}

export function loadSchema(name: SchemaName): object {
  return JSON.parse(readFileSync(schemaPath(name), 'utf8')) as object;
}
