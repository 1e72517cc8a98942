// Types of templates.generated.js, which `npm run build` precompiles from templates/<target>/*.hbs.
import type { TemplateSpecification } from 'handlebars';

/** By built-in target, by file name without `.hbs`: `main` and the partials. */
export declare const builtinTemplates: Readonly<Record<string, Readonly<Record<string, TemplateSpecification>>>>;
