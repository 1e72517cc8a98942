import { go } from './go.js';
import { java } from './java.js';
import type { Language } from './language.js';
import { typescript } from './typescript.js';

/** Every language the naming engine names codes in; a collision in any of them is an error. */
export const languages: readonly Language[] = [typescript, go, java];

export function languageById(id: string): Language | undefined {
  return languages.find((l) => l.id === id);
}
