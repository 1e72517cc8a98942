import type { ParamType } from '../../catalog/model.js';
import type { LintRule } from '../rule.js';
import { active } from '../rule.js';

type Example = string | number | boolean;

/** What an example of each type must be, and how a finding says so. */
const suits: Readonly<Record<ParamType, { readonly test: (value: Example) => boolean; readonly expected: string }>> = {
  string: { test: (v) => typeof v === 'string', expected: 'a string' },
  // Safe integers only: a larger one is not exact in JavaScript and overflows a Go int or Java long.
  integer: { test: (v) => typeof v === 'number' && Number.isSafeInteger(v), expected: 'an integer (at most 2^53 - 1 either side of 0)' },
  number: { test: (v) => typeof v === 'number' && Number.isFinite(v), expected: 'a finite number' },
  boolean: { test: (v) => typeof v === 'boolean', expected: 'true or false' },
};

export const paramExample: LintRule = {
  id: 'param-example',
  description: "A parameter's `example` does not suit its type (an integer parameter with the example 1.5); docs and OpenAPI would show a value the code cannot take.",
  defaultSeverity: 'error',
  check: (context) =>
    active(context).flatMap((e) =>
      Object.entries(e.entry.params ?? {}).flatMap(([name, declaration]) => {
        if (typeof declaration === 'string' || declaration.example === undefined) return [];
        const type = declaration.type ?? 'string';
        const example = declaration.example;
        if (suits[type].test(example)) return [];
        return [
          {
            at: e.locate(['params', name, 'example']),
            code: e.entry.code,
            message: `the example of ${e.entry.code}'s ${type} parameter ${name} is ${typeof example === 'string' ? JSON.stringify(example) : String(example)}, expected ${suits[type].expected}`,
            hint: type === 'string' ? 'Quote the example, or declare the type it has (`type: integer`, `number` or `boolean`).' : `Give an example of type ${type}, or correct the type.`,
          },
        ];
      }),
    ),
};
