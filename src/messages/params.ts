import type { CatalogCode, ParamDeclaration, ParamType } from '../catalog/model.js';
import { hasBraces, placeholders } from './template.js';

export interface Param {
  readonly name: string;
  readonly type: ParamType;
  readonly description: string | undefined;
  /** Whether `params` declares it (else it is a placeholder typed string by default). */
  readonly declared: boolean;
  /** The declared example, else a sample for the type: the name itself for a string, so a filled-in example reads like the source page. */
  readonly example: string | number | boolean;
}

const samples: Readonly<Record<Exclude<ParamType, 'string'>, number | boolean>> = { integer: 42, number: 1.5, boolean: true };

/**
 * An entry's parameters: the declared ones in declaration order, then placeholders of message and
 * solution that are not declared (as strings), in order of first use. This order is the order of
 * positional parameters in generated functions.
 */
export function paramsOf(entry: CatalogCode): readonly Param[] {
  // Most codes declare none and their texts have no braces: no placeholder to look for.
  if (entry.params === undefined && !hasBraces(entry.message) && !hasBraces(entry.solution)) return noParams;
  const params: Param[] = [];
  for (const [name, value] of Object.entries(entry.params ?? {})) {
    const declaration: ParamDeclaration = typeof value === 'string' ? { type: value } : value;
    const type = declaration.type ?? 'string';
    params.push({ name, type, description: declaration.description, declared: true, example: declaration.example ?? (type === 'string' ? name : samples[type]) });
  }
  for (const name of [...placeholders(entry.message), ...placeholders(entry.solution)]) {
    if (!params.some((p) => p.name === name)) params.push({ name, type: 'string', description: undefined, declared: false, example: name });
  }
  return params;
}

const noParams: readonly Param[] = Object.freeze([]);
