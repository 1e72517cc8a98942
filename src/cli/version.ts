import { readFileSync } from 'node:fs';
import { packagePath } from '../package-root.js';

export function packageVersion(): string {
  return (JSON.parse(readFileSync(packagePath('package.json'), 'utf8')) as { version: string }).version;
}
