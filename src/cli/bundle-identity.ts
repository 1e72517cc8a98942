/**
 * What names the errgen bundle that runs, its code and built-in templates: the hash of its build, and
 * its file's size and modification time (src/cli/boot.ts), so a bundle patched after the build is another.
 * Unknown when errgen runs from its sources. The output records (src/io/output-record.ts) are keyed by it.
 */
let identity: string | undefined;

export function setBundleIdentity(value: string | undefined): void {
  identity = value;
}

export function bundleIdentity(): string | undefined {
  return identity;
}
