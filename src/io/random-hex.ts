/**
 * Eight hex digits for a temporary file's name: with the pid, unique enough, as every temporary
 * file is created with `wx` (a clash is refused, never overwritten). node:crypto would cost more to
 * load than all of this, and the CLI's loader imports this on every run.
 */
export function randomHex(): string {
  return ((Math.random() * 2 ** 32) >>> 0).toString(16).padStart(8, '0');
}
