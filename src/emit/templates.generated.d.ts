// Types of templates.generated.js, which `npm run build` compiles from templates/<target>/*.hbs
// with scripts/template-compiler.mjs.
import type * as TemplateRuntime from './template-runtime.js';

type Helper = (...args: unknown[]) => unknown;

/** By built-in target: given errgen's helpers and the template runtime, the function that renders its main.hbs (see Render in templates.ts). */
export declare const builtinTemplates: Readonly<
  Record<string, (helpers: Record<string, Helper>, rt: typeof TemplateRuntime) => (model: object, write: (piece: string) => void) => void>
>;
