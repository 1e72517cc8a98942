/**
 * The text of the bundle errgen runs from, which holds its code and built-in templates: given by
 * src/cli/boot.ts, which has read it to run it; unknown when errgen runs from its sources. The
 * output records (src/io/output-record.ts) name errgen's code by its digest, taken only when a
 * command asks: the code that runs, patched or not, rather than the hash of the build.
 */
let source: string | undefined;

export function setBundleSource(text: string | undefined): void {
  source = text;
}

export function bundleSource(): string | undefined {
  return source;
}
