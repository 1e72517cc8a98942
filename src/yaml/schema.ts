import { dirname, isAbsolute, relative, sep } from 'node:path';
import { packagePath } from '../package-root.js';

export type SchemaName = 'catalog' | 'config';

/** Path of a JSON Schema shipped in the package's schemas/ folder. */
export function schemaPath(name: SchemaName): string {
  return packagePath('schemas', `${name}.schema.json`);
}

/**
 * The `yaml-language-server` comment that lets editors validate and complete a YAML file errgen
 * writes: a path relative to the file when errgen is installed inside the working tree
 * (node_modules, or this repository), else the published schema's URL, so that no machine path
 * ever lands in a committed file.
 */
export function schemaComment(forFile: string, name: SchemaName): string {
  const fromCwd = relative(process.cwd(), schemaPath(name));
  const inTree = !fromCwd.startsWith('..') && !isAbsolute(fromCwd);
  const ref = inTree ? relative(dirname(forFile), schemaPath(name)).split(sep).join('/') : `https://unpkg.com/errgen@0/schemas/${name}.schema.json`;
  return ` yaml-language-server: $schema=${ref}`;
}
