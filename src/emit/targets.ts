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
    name: 'typescript',
    description: 'a string enum ErrorCode (or a const object and union type), metadata record, type guard and status lookup',
    defaultOutput: () => 'typescript/error-codes.ts',
    defaultOptions: { style: 'enum', typeName: 'ErrorCode' },
  },
  {
    name: 'openapi',
    description: 'OpenAPI components: ErrorCode enum, error body schema, a response per HTTP status with examples',
    defaultOutput: (options) => `openapi/errors.${options['format'] === 'json' ? 'json' : 'yaml'}`,
    defaultOptions: { version: '3.1', format: 'yaml' },
  },
  {
    name: 'go',
    description: 'a Go package: type Code string, a constant per code, Status/Message/Solution methods, Parse',
    defaultOutput: (options) => `go/${String(options['package'])}/${String(options['package'])}.go`,
    defaultOptions: { package: 'errcodes', typeName: 'Code' },
  },
  {
    name: 'java',
    description: 'a Java enum ErrorCode with status, message, solution and fromCode(String) returning Optional',
    defaultOutput: (options) => `java/${String(options['package']).replace(/\./g, '/')}/${String(options['typeName'])}.java`,
    defaultOptions: { package: 'errors', typeName: 'ErrorCode' },
  },
  {
    name: 'docs',
    description: 'a Markdown page, one table per group, an anchor per code; `errgen import` reads it back',
    defaultOutput: () => 'docs/error-codes.md',
    defaultOptions: { title: 'Error codes' },
  },
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
