import { packagePath } from '../package-root.js';

/** A target errgen ships: its template folder under templates/, default output and options. */
export interface BuiltinTarget {
  readonly name: string;
  readonly description: string;
  /** Output path relative to the output folder, given the target's options. */
  readonly defaultOutput: (options: Readonly<Record<string, unknown>>) => string;
  readonly defaultOptions: Readonly<Record<string, unknown>>;
}

export const builtinTargets: readonly BuiltinTarget[] = [
  {
    name: 'json',
    description: 'the catalog as plain JSON, for runtime and docs consumers in any language',
    defaultOutput: () => 'json/errors.json',
    defaultOptions: {},
  },
];

export function builtinTarget(name: string): BuiltinTarget | undefined {
  return builtinTargets.find((t) => t.name === name);
}

export function builtinTemplatePath(name: string): string {
  return packagePath('templates', name, 'main.hbs');
}
