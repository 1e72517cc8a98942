// Types of template-compiler.mjs, for the tests that import it.

/** JavaScript source of `(helpers, rt) => render` for a target's templates (`main` and its partials, by name). */
export declare function compileTarget(files: Readonly<Record<string, string>>, helperNames: readonly string[], label?: string): string;
