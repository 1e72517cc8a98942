import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { errgen, repoRoot, tempDir } from './helpers/cli.js';

describe('errgen --help', () => {
  it('lists every exit code of the README table', () => {
    const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
    const table = readme.slice(readme.indexOf('### Exit codes'), readme.indexOf('Errors name the place'));
    const codes = [...table.matchAll(/^\| (\d+) \|/gm)].map((m) => m[1]);
    expect(codes).toEqual(['0', '1', '2', '70']);
    const help = errgen(['--help']);
    expect(help.code).toBe(0);
    const exitCodes = help.stdout.slice(help.stdout.indexOf('Exit codes:'));
    for (const code of codes) expect(exitCodes).toMatch(new RegExp(`(?:: |, |\\n)${code} `));
    expect(exitCodes).toContain('70 internal error');
  });

  it('`errgen help` shows it; `errgen` with no command shows it on stderr, as a usage error', () => {
    const asked = errgen(['help']);
    expect(asked.code).toBe(0);
    expect(asked.stdout).toContain('Usage: errgen');
    // Help on `help` is the same help, not an error.
    expect(errgen(['help', 'help'])).toEqual(asked);
    const none = errgen([]);
    expect(none.code).toBe(2);
    expect(none.stdout).toBe('');
    expect(none.stderr).toContain('Usage: errgen');
  });

  it('a mistyped command or option points to the help that lists the right ones', () => {
    const command = errgen(['genrate']);
    expect(command.code).toBe(2);
    expect(command.stderr).toBe("error: unknown command 'genrate'\n(Did you mean generate?)\n(run `errgen --help` for the commands)\n");
    const option = errgen(['check', '--formt', 'json']);
    expect(option.code).toBe(2);
    expect(option.stderr).toBe("error: unknown option '--formt'\n(Did you mean --format?)\n(run `errgen check --help` for its options)\n");
    // Help on a command that does not exist says so, as the command itself would.
    const topic = errgen(['help', 'genrate']);
    expect(topic.code).toBe(2);
    expect(topic.stdout).toBe('');
    expect(topic.stderr).toBe("error: unknown command 'genrate'\n(Did you mean generate?)\n(run `errgen --help` for the commands)\n");
    expect(errgen(['help', 'zzz']).stderr).toBe("error: unknown command 'zzz'\n(run `errgen --help` for the commands)\n");
    expect(errgen(['--config', 'x.yaml', 'help', 'zzz']).stderr).toBe("error: unknown command 'zzz'\n(run `errgen --help` for the commands)\n");
    expect(errgen(['help', 'check']).stdout).toMatch(/^Usage: errgen check \[options\]/);
  });
});

/** Runs errgen with its stdout closed before it writes anything: its first write meets a closed pipe. */
async function withStdoutClosed(args: string[], cwd: string): Promise<{ code: number | null; stderr: string }> {
  const child = spawn(process.execPath, [join(repoRoot, 'bin/errgen.js'), ...args], { cwd, env: { ...process.env, ERRGEN_CACHE_DIR: 'off' } });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdout.destroy();
  const code = await new Promise<number | null>((done) => child.on('close', done));
  return { code, stderr };
}

describe('a reader that closes the pipe early (errgen --help | head -1)', () => {
  it('ends errgen quietly, with its own exit code', async () => {
    expect(await withStdoutClosed(['--help'], repoRoot)).toEqual({ code: 0, stderr: '' });
  });

  it('lets a command run to its end and write every file', async () => {
    const dir = tempDir();
    copyFileSync(join(repoRoot, 'data/errors.yaml'), join(dir, 'errors.yaml'));
    expect(await withStdoutClosed(['generate', '--catalog', 'errors.yaml', '--out-dir', 'out'], dir)).toEqual({ code: 0, stderr: '' });
    expect(existsSync(join(dir, 'out/go/errcodes/errcodes.go'))).toBe(true);
    expect(readdirSync(join(dir, 'out'), { recursive: true }).filter((f) => String(f).endsWith('.tmp'))).toEqual([]);
  });
});
