import { go } from './go.js';
import { java } from './java.js';
import type { Language } from './language.js';
import { proto } from './proto.js';
import { python } from './python.js';
import { rust } from './rust.js';
import { typescript } from './typescript.js';

/** Every language the naming engine names codes in. */
export const languages: readonly Language[] = [typescript, go, java, python, rust, proto];

/**
 * The languages codes must be named in to generate these targets (each gives the ids of the languages
 * its template prints identifiers of), in the order above: a code without a proto name, or two codes
 * with one, stop only a run that writes proto.
 */
export function namedLanguages(targets: ReadonlyArray<{ readonly names: readonly string[] }>): readonly Language[] {
  return languages.filter((language) => targets.some((target) => target.names.includes(language.id)));
}
