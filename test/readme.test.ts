import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { breakingRules } from '../src/check/breaking.js';
import { lintRules } from '../src/lint/rules/index.js';
import { builtinTargets } from '../src/emit/targets.js';
import { repoRoot } from './helpers/cli.js';

const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');

/** The README documents what the code defines; these keep the two from drifting apart. */
describe('README', () => {
  it('opens with a Quick start block of exactly two commands, the second of which .ci/run calls', () => {
    const block = /## Quick start\n\n```sh\n([\s\S]*?)```/.exec(readme)?.[1] ?? '';
    const commands = block.split('\n').filter((l) => l.trim() !== '' && !l.trim().startsWith('#'));
    expect(commands).toHaveLength(2);
    expect(readFileSync(join(repoRoot, '.ci/run'), 'utf8')).toContain(commands[1]);
  });

  it('lists every lint rule and breaking-change rule with its default and description', () => {
    for (const rule of lintRules) expect(readme).toContain(`| \`${rule.id}\` | ${rule.defaultSeverity} | ${rule.description} |`);
    for (const rule of breakingRules) expect(readme).toContain(`| \`${rule.id}\` | ${rule.defaultSeverity} | ${rule.description} |`);
  });

  it('documents every built-in target and each of its options with its default', () => {
    for (const target of builtinTargets) {
      expect(readme).toContain(`### ${target.name}`);
      for (const [name, spec] of Object.entries(target.options)) expect(readme).toContain(`| \`${name}\` | \`${spec.default}\` | ${spec.description} |`);
    }
  });
});
