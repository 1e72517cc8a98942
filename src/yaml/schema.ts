import { dirname, relative, sep } from 'node:path';
import { isInside } from '../io/paths.js';
import { packagePath } from '../package-root.js';

export type SchemaName = 'catalog' | 'config';

/** Path of a JSON Schema shipped in the package's schemas/ folder. */
export function schemaPath(name: SchemaName): string {
  return packagePath('schemas', `${name}.schema.json`);
}

/**
 * Where a schema is, as a reader in `fromDir` can follow it: a relative path when errgen is
 * installed in the working folder (this repository) or in the node_modules of a project the working
 * folder is in, else the published schema's URL, so that no machine path ever lands in a committed
 * file or in a message (which a user may paste into an issue).
 */
export function schemaReference(fromDir: string, name: SchemaName): string {
  const schema = schemaPath(name);
  return inProject(schema) ? relative(fromDir, schema).split(sep).join('/') : `https://unpkg.com/errgen@0/schemas/${name}.schema.json`;
}

/** Whether a file of errgen's is in the working folder, or in the node_modules of a project the working folder is in. */
function inProject(file: string): boolean {
  const marker = `${sep}node_modules${sep}`;
  const modules = file.lastIndexOf(marker);
  return isInside(file, process.cwd()) || (modules >= 0 && isInside(process.cwd(), file.slice(0, modules)));
}

/** The `yaml-language-server` comment that lets editors validate and complete a YAML file errgen writes. */
export function schemaComment(forFile: string, name: SchemaName): string {
  return ` yaml-language-server: $schema=${schemaReference(dirname(forFile), name)}`;
}
