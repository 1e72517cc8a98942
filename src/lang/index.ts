import { go } from './go.js';
import { java } from './java.js';
import type { Language } from './language.js';
import { proto } from './proto.js';
import { python } from './python.js';
import { rust } from './rust.js';
import { typescript } from './typescript.js';

/** Every language the naming engine names codes in; a collision in any of them is an error. */
export const languages: readonly Language[] = [typescript, go, java, python, rust, proto];
