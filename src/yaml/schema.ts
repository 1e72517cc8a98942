import { dirname, isAbsolute, relative, sep } from 'node:path';
import { packagePath } from '../package-root.js';

export type SchemaName = 'catalog' | 'config';

/** Path of a JSON Schema shipped in the package's schemas/ folder. */
export function schemaPath(name: SchemaName): string {
  return packagePath('schemas', `${name}.schema.json`);
}

/**
 * Where a schema is, as a reader in `fromDir` can follow it: a relative path when errgen is
 * installed inside the working tree (node_modules, or this repository), else the published schema's
 * URL, so that no machine path ever lands in a committed file or a message.
 */
export function schemaReference(fromDir: string, name: SchemaName): string {
  const fromCwd = relative(process.cwd(), schemaPath(name));
  const inTree = !fromCwd.startsWith('..') && !isAbsolute(fromCwd);
  return inTree ? relative(fromDir, schemaPath(name)).split(sep).join('/') : `https://unpkg.com/errgen@0/schemas/${name}.schema.json`;
}

/** The `yaml-language-server` comment that lets editors validate and complete a YAML file errgen writes. */
export function schemaComment(forFile: string, name: SchemaName): string {
  return ` yaml-language-server: $schema=${schemaReference(dirname(forFile), name)}`;
}
