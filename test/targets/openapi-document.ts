import { readFileSync } from 'node:fs';
import { createConfig, lintFromString } from '@redocly/openapi-core';
import { Validator } from '@seriousme/openapi-schema-validator';
import { expect } from 'vitest';
import { parseDocument } from 'yaml';

/** A generated OpenAPI document as the openapi tests read it, and the established tools that judge it. */

/** Parses a generated file strictly: a YAML warning or error fails. */
export function load(path: string): OpenApi {
  const text = readFileSync(path, 'utf8');
  if (path.endsWith('.json')) return JSON.parse(text) as OpenApi;
  const doc = parseDocument(text, { uniqueKeys: true });
  expect([...doc.errors, ...doc.warnings].map(String)).toStrictEqual([]);
  return doc.toJS() as OpenApi;
}

export interface OpenApi {
  openapi: string;
  components: {
    schemas: {
      ErrorCode: { enum: string[]; 'x-enum-varnames': string[]; 'x-enum-descriptions': string[]; 'x-enum-grpc-statuses': string[] };
      Problem?: { required: string[]; properties: Record<string, unknown> };
    };
    responses: Record<string, Response>;
  };
}
/** The part of a response schema that narrows the body to some codes (and, with parameters, gives their types). */
export interface Narrowing {
  required: string[];
  properties: { code: { enum: string[] }; status?: { enum: number[] }; params?: { required: string[]; properties: Record<string, { type: string; description?: string }> } };
}
export interface Media {
  /** One narrowing of the body, or with parameters one per code that has them and one for the rest. */
  schema: { allOf?: [unknown, Narrowing]; oneOf?: Array<{ allOf: [{ $ref: string }, Narrowing] }> };
  examples: Record<string, { summary: string; description?: string; 'x-grpc-status': string; value: Record<string, unknown> }>;
}
export interface Response {
  description: string;
  content: { 'application/json': Media; 'application/problem+json': Media };
}

/** Redocly rules that check meaning, not style: structure, references, examples against schemas. */
const lintRules = {
  struct: 'error',
  'no-unresolved-refs': 'error',
  'no-invalid-media-type-examples': 'error',
  'no-enum-type-mismatch': 'error',
  'no-identical-paths': 'error',
  'spec-components-invalid-map-name': 'error',
} as const;

/** Everything the official OpenAPI schemas and Redocly find wrong with a document; empty when it is sound. */
export async function problems(path: string): Promise<string[]> {
  const text = readFileSync(path, 'utf8');
  const validator = new Validator();
  const result = await validator.validate(text);
  const schemaErrors = result.valid ? [] : [JSON.stringify(result.errors)];
  const config = await createConfig({ rules: lintRules });
  const lint = await lintFromString({ source: text, absoluteRef: path, config });
  return [...schemaErrors, ...lint.map((p) => `${p.ruleId}: ${p.message} at ${p.location[0]?.pointer ?? '?'}`)];
}

/** The narrowings of a response's schema, whichever shape it has. */
export function narrowings(media: Media): Narrowing[] {
  if (media.schema.allOf) return [media.schema.allOf[1]];
  return (media.schema.oneOf ?? []).map((branch) => branch.allOf[1]);
}
