// Runs a command as a child process and measures its wall time and peak memory.
//
// Wall time: process.hrtime around the spawn, until the child has exited.
// Peak memory: the child's maximum resident set size (ru_maxrss from wait4), as printed by GNU time's %M
// (/usr/bin/time -f %M -o file). Without /usr/bin/time, memory is reported as unknown.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const TIME = '/usr/bin/time';
export const hasTime = existsSync(TIME);
const scratch = mkdtempSync(join(tmpdir(), 'errgen-bench-time-'));
process.on('exit', () => rmSync(scratch, { recursive: true, force: true }));

// Children run in their own process group (so a timeout kills all of it); take it down on Ctrl-C too.
let current = null;
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    if (current) process.kill(-current.pid, 'SIGKILL');
    process.exit(130);
  });
}

/**
 * One run of `cmd args` in `cwd`: { ms, rssMB, code, output, timedOut }. The child gets its own process
 * group, killed as a whole after `timeoutMs`.
 */
export function runOnce(cmd, args, { cwd, timeoutMs = 120_000 } = {}) {
  const rssFile = join(scratch, 'rss');
  rmSync(rssFile, { force: true });
  const argv = hasTime ? [TIME, '-f', '%M', '-o', rssFile, cmd, ...args] : [cmd, ...args];
  return new Promise((resolve, reject) => {
    const start = process.hrtime.bigint();
    const child = (current = spawn(argv[0], argv.slice(1), { cwd, detached: true, stdio: ['ignore', 'pipe', 'pipe'] }));
    let output = '';
    child.stdout.on('data', (d) => { if (output.length < 20_000) output += d; });
    child.stderr.on('data', (d) => { if (output.length < 20_000) output += d; });
    let timedOut = false;
    const timer = setTimeout(() => { timedOut = true; process.kill(-child.pid, 'SIGKILL'); }, timeoutMs);
    child.on('error', reject);
    child.on('close', (code) => {
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      clearTimeout(timer);
      current = null;
      // GNU time writes "Command exited with non-zero status N" before %M; the number is the last line.
      const kb = hasTime && existsSync(rssFile) ? Number(readFileSync(rssFile, 'utf8').trim().split('\n').at(-1)) : NaN;
      resolve({ ms, rssMB: Number.isFinite(kb) ? kb / 1024 : null, code, output, timedOut });
    });
  });
}

export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
