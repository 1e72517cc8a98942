/**
 * The SHA-256 of the bundle errgen runs from, which holds its code and built-in templates: given by
 * src/cli/boot.ts, unknown when errgen runs from its sources. The output records
 * (src/io/output-record.ts) name errgen's code by it.
 */
let hash: string | undefined;

export function setBundleHash(value: string | undefined): void {
  hash = value;
}

export function bundleHash(): string | undefined {
  return hash;
}
