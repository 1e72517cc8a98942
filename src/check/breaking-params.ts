import type { CatalogCode } from '../catalog/model.js';
import type { Location } from '../diagnostics.js';
import { paramsOf } from '../messages/params.js';
import type { LintEntry } from '../lint/rule.js';
import { paramAt } from '../lint/rules/message-fields.js';

/** A breaking-change finding before the rule's setting is applied. */
export interface ParamChange {
  readonly rule: 'param-removed' | 'param-type-changed' | 'param-order-changed' | 'param-added';
  readonly code: string;
  readonly at: Location;
  readonly message: string;
  readonly hint: string;
}

/**
 * How a code's parameters (declared and undeclared, as generated formatters take them) changed
 * between two versions. `against` says where the old version is, e.g. `in v1:errors.yaml`.
 */
export function paramChanges(before: CatalogCode, after: LintEntry, against: string): ParamChange[] {
  const code = after.entry.code;
  const oldParams = paramsOf(before);
  const newParams = paramsOf(after.entry);
  const changes: ParamChange[] = [];
  const wholeList = (): Location => (after.entry.params ? after.locate(['params']) : after.locate(['message']));
  for (const old of oldParams) {
    const now = newParams.find((p) => p.name === old.name);
    if (!now) {
      changes.push({
        rule: 'param-removed',
        code,
        at: wholeList(),
        message: `${code} no longer has the parameter ${old.name} (${old.type}, ${against}); calls that pass it no longer compile, and clients that read it from the error's details find nothing`,
        hint: `Keep {${old.name}} in the message or solution, or introduce a new code.`,
      });
    } else if (now.type !== old.type) {
      const declared = after.entry.params?.[old.name];
      changes.push({
        rule: 'param-type-changed',
        code,
        at: typeof declared === 'object' && declared.type !== undefined ? after.locate(['params', old.name, 'type']) : paramAt(after, old.name),
        message: `${code}'s parameter ${old.name} is ${now.type}, was ${old.type} (${against}); callers and clients that read it as ${old.type} break`,
        hint: now.declared ? `Keep \`type: ${old.type}\`, or introduce a new code.` : `Declare it \`params: { ${old.name}: ${old.type} }\` as before.`,
      });
    }
  }
  const kept = (params: typeof oldParams) => params.map((p) => p.name).filter((name) => oldParams.some((p) => p.name === name) && newParams.some((p) => p.name === name));
  const oldOrder = kept(oldParams);
  const newOrder = kept(newParams);
  if (oldOrder.join() !== newOrder.join()) {
    changes.push({
      rule: 'param-order-changed',
      code,
      at: wholeList(),
      message: `${code} takes its parameters in the order ${newOrder.join(', ')}, was ${oldOrder.join(', ')} (${against}); positional calls now pass values to the wrong parameters, silently where the types agree`,
      hint: `Declare them under \`params\` in the old order: ${oldOrder.join(', ')}.`,
    });
  }
  for (const now of newParams) {
    if (oldParams.some((p) => p.name === now.name)) continue;
    changes.push({
      rule: 'param-added',
      code,
      at: paramAt(after, now.name),
      message: `${code} has a new parameter ${now.name} (${now.type}, not ${against}); every call of its generated formatter must now pass it`,
      hint: 'Callers in typed languages fail to compile until they pass the value; update them. Clients reading the error body only gain a field.',
    });
  }
  return changes;
}
