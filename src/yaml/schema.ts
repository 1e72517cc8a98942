import { packagePath } from '../package-root.js';

export type SchemaName = 'catalog' | 'config';

/** Path of a JSON Schema shipped in the package's schemas/ folder. */
export function schemaPath(name: SchemaName): string {
  return packagePath('schemas', `${name}.schema.json`);
}
