import { join } from 'node:path';
import { repoRoot } from '../helpers/cli.js';

/** What the target tests compile and run generated code with, shared so every test holds the code to one bar. */

/** The project's own TypeScript compiler. */
export const tsc = join(repoRoot, 'node_modules/typescript/bin/tsc');

/** The strictest settings a TypeScript user might have: generated code must compile under all of them. */
export const tsStrictFlags = [
  '--strict',
  '--noUncheckedIndexedAccess',
  '--exactOptionalPropertyTypes',
  '--isolatedModules',
  '--noUnusedLocals',
  '--noUnusedParameters',
  '--noImplicitReturns',
  '--noPropertyAccessFromIndexSignature',
];

/**
 * A Java method for driver programs: JSON of a string with everything outside printable ASCII
 * escaped, so no console encoding is in play.
 */
export const javaJsonMethod = `
    static String json(String s) {
        StringBuilder out = new StringBuilder("\\"");
        for (char ch : s.toCharArray()) {
            if (ch == '"' || ch == '\\\\') {
                out.append('\\\\').append(ch);
            } else if (ch < 0x20 || ch > 0x7e) {
                out.append(String.format("\\\\u%04x", (int) ch));
            } else {
                out.append(ch);
            }
        }
        return out.append('"').toString();
    }
`;

/** A JSON string writer for Rust driver programs, std only. */
export const rustJsonFn = `fn json(s: &str) -> String {
    let mut out = String::from("\\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\\\\""),
            '\\\\' => out.push_str("\\\\\\\\"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}`;
