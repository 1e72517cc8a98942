// `npm run bench [-- --quick] [-- --timeout <s>] [-- --keep]`: builds errgen, writes inputs of several
// sizes to a temp folder, runs the real CLI on them interleaved with `node -e 0`, and prints one table
// of median wall times, peak memory and the targets of tracker issue 5 (and a second one reading its
// seconds targets as ratios). A measurement, not a test: it
// exits 0 when targets are unmet and 1 only when a command fails. See scripts/bench/measure.mjs for how
// time and memory are taken.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { codesSchema, writeInput } from './bench/inputs.mjs';
import { hasTime, median, runOnce } from './bench/measure.mjs';
import { fmtMB, fmtMs, fmtX, markdownTable, verdict } from './bench/table.mjs';

const { values: opts } = parseArgs({
  options: { quick: { type: 'boolean' }, timeout: { type: 'string', default: '60' }, keep: { type: 'boolean' } },
});
const quick = opts.quick || process.env.BENCH_QUICK === '1';
const timeoutMs = Number(opts.timeout) * 1000;
const root = fileURLToPath(new URL('..', import.meta.url));
const node = process.execPath;
const errgen = (...args) => [node, [join(root, 'bin/errgen.js'), ...args]];
const log = (s) => process.stderr.write(`${s}\n`);

function fail(message) {
  log(`bench: ${message}`);
  process.exit(1);
}

/** A whole-folder wipe, run before a sample (outside its timing) so every run does the same work. */
const wipe = (...paths) => () => paths.forEach((p) => rmSync(p, { recursive: true, force: true }));

const baseline = []; // `node -e 0` runs, one before each sample of everything else

/**
 * Median wall time and peak RSS of `steps` (one or more [cmd, args], run in sequence as one sample), up to
 * `runs` samples, fewer once `budgetMs` is spent. A non-zero exit fails the bench unless `mayFail`.
 */
async function measure(name, size, steps, opts) {
  const { cwd = root, runs, budgetMs = 20_000, before, timeout = timeoutMs, mayFail } = opts;
  const samples = [];
  const own = []; // this command's `node -e 0` runs: its ratio compares runs made under the same load
  let spent = 0;
  let timedOut = false;
  let failed = null;
  while (samples.length < runs && spent < budgetMs && !timedOut && !failed) {
    const b = await runOnce(node, ['-e', '0']);
    baseline.push(b);
    own.push(b.ms);
    before?.();
    const sample = { ms: 0, rssMB: 0 };
    for (const [cmd, args] of steps) {
      const r = await runOnce(cmd, args, { cwd, timeoutMs: timeout });
      if (r.timedOut) { timedOut = true; break; }
      if (r.code !== 0 && !mayFail) fail(`\`${name}\` (${size}) exited with ${r.code} in ${cwd}:\n${r.output}`);
      if (r.code !== 0) failed = r.output;
      sample.ms += r.ms;
      sample.rssMB = r.rssMB == null || sample.rssMB == null ? null : Math.max(sample.rssMB, r.rssMB);
    }
    if (!timedOut) samples.push(sample);
    spent += sample.ms;
  }
  const result = {
    name, size, timedOut, failed, runs: samples.length,
    ms: timedOut || !samples.length ? null : median(samples.map((s) => s.ms)),
    rssMB: peak(samples),
    baseMs: median(own),
  };
  log(`  ${name} ${size}: ${timedOut ? `timed out after ${timeout / 1000} s` : `${fmtMs(result.ms)}, ${fmtMB(result.rssMB)}`}`);
  return result;
}

const peak = (rs) => (!rs.length || rs.some((r) => r.rssMB == null) ? null : Math.max(...rs.map((r) => r.rssMB)));
const skipped = (name, size, why) => ({ name, size, runs: 0, ms: null, rssMB: null, skipped: why });

// 1. Build, as `npm run build` does.
log('bench: node scripts/build.mjs');
if (spawnSync(node, ['scripts/build.mjs'], { cwd: root, stdio: 'inherit' }).status !== 0) fail('the build failed');

// 2. Inputs, in a temp folder: the seed page and generated pages, each with its errgen.config.yaml.
const tmp = mkdtempSync(join(os.tmpdir(), 'errgen-bench-'));
if (!opts.keep) process.on('exit', () => rmSync(tmp, { recursive: true, force: true }));
// errgen's V8 code cache (src/cli/boot.ts) goes in the temp folder too, not ~/.cache: the first run of each
// command starts cold and writes it, the later ones read it, so a median over several runs is the warm,
// steady-state start a user sees from the second run on.
process.env.ERRGEN_CACHE_DIR = join(tmp, 'code-cache');
// The output records (src/io/output-record.ts) go there too. A generate or check whose inputs and
// outputs are as the last run left them skips rendering: every sample measured against a target
// starts without them, so it does the whole work; the `unchanged` rows measure the skip.
const records = join(tmp, 'code-cache', 'outputs');
const sizes = [{ label: 'seed', seed: join(root, 'data/error-codes.md') }, { label: '1k', rows: 1_000 }];
if (!quick) sizes.push({ label: '10k', rows: 10_000 }, { label: '100k', rows: 100_000 });
for (const s of sizes) s.dir = writeInput(join(tmp, s.label), s);
log(`bench: inputs in ${tmp}${quick ? ' (quick: seed and 1k only)' : ''}`);

// 3. Measurements.
// Seed-sized runs last a few hundred ms and `node -e 0` itself varies by ±25% here: 11 samples keep the medians steady.
const reps = { seed: quick ? 5 : 11, '1k': 3, '10k': 5, '100k': 3 };
// A big command's time here moves by a fifth from run to run: three runs of each 100k command, not
// the one that the default 20 s budget allows.
const budgets = { '100k': 150_000 };
const results = {};
results.help = await measure('errgen --help', '–', [errgen('--help')], { runs: reps.seed });
results.version = await measure('errgen --version', '–', [errgen('--version')], { runs: reps.seed });
for (const { label, dir } of sizes) {
  const at = { cwd: dir, runs: reps[label], budgetMs: budgets[label] };
  const r = (results[label] = {});
  const catalog = [join(dir, 'errors.yaml'), join(dir, 'errors.sources.json')];
  r.import = await measure('errgen import', label, [errgen('import')], { ...at, before: wipe(...catalog) });
  r.generate = r.import.timedOut
    ? skipped('errgen generate', label, 'import did not finish')
    : await measure('errgen generate', label, [errgen('generate')], { ...at, before: wipe(join(dir, 'generated'), records) });
  // At seed size, check runs on the project's own data: source, catalog and every committed target.
  const checkAt = label === 'seed' ? { runs: reps.seed } : at;
  const checkSize = label === 'seed' ? 'project' : label;
  r.check = r.generate.ms == null
    ? skipped('errgen check', label, 'generate did not finish')
    : await measure('errgen check', checkSize, [errgen('check')], { ...checkAt, before: wipe(records) });
  // Run again with nothing changed: the record the run before left lets them skip rendering.
  if (r.check.ms != null) {
    r.checkAgain = await measure('errgen check', `${checkSize}, unchanged`, [errgen('check')], checkAt);
    r.generateAgain = await measure('errgen generate', `${label}, unchanged`, [errgen('generate')], at);
  }
}

// The 10k Java output must compile (`javac -Xlint:all -Werror`, as the README promises).
if (!quick && results['10k'].generate.ms != null) {
  const javaDir = join(tmp, '10k/generated/java');
  const sources = readdirSync(javaDir, { recursive: true }).filter((f) => f.endsWith('.java')).map((f) => join(javaDir, f));
  const classes = join(tmp, 'classes');
  mkdirSync(classes);
  const javac = ['javac', ['-Xlint:all', '-Werror', '-encoding', 'UTF-8', '-d', classes, ...sources]];
  results.javac = await measure('javac ErrorCode.java', '10k', [javac], { runs: 1, timeout: 300_000, mayFail: true });
}

// quicktype from a JSON Schema enum of the seed's codes, one run per language, vs errgen generating every target.
const seedCodes = Object.keys(JSON.parse(readFileSync(join(tmp, 'seed/generated/json/errors.json'), 'utf8')).codes);
writeFileSync(join(tmp, 'codes.schema.json'), codesSchema(seedCodes));
const quicktype = join(root, 'node_modules/quicktype/dist/index.js');
const qt = (lang, out) =>
  [node, [quicktype, '--src-lang', 'schema', '--lang', lang, '--top-level', 'ErrorCode', '-o', join(tmp, 'qt', out), join(tmp, 'codes.schema.json')]];
const qtSteps = [qt('ts', 'error-code.ts'), qt('go', 'errorcode.go'), qt('java', 'java/ErrorCode.java')];
mkdirSync(join(tmp, 'qt/java'), { recursive: true });
// The two alternate, one sample each, so that both see the same load on a shared machine.
const paired = { quicktype: [], errgen: [] };
for (let i = 0; i < (quick ? 3 : 5); i++) {
  paired.quicktype.push(await measure('quicktype ts+go+java', 'seed', qtSteps, { runs: 1 }));
  const seedOut = wipe(join(tmp, 'seed/generated'), records);
  paired.errgen.push(await measure('errgen generate', 'seed', [errgen('generate')], { cwd: join(tmp, 'seed'), runs: 1, before: seedOut }));
}
const merge = (rs, size) =>
  ({ ...rs[0], size, runs: rs.length, ms: median(rs.map((r) => r.ms)), rssMB: peak(rs), baseMs: median(rs.map((r) => r.baseMs)) });
results.quicktype = merge(paired.quicktype, 'seed');
results.quicktypeErrgen = merge(paired.errgen, 'seed (paired)');

// 4. The table.
const base = { name: 'node -e 0', size: '–', runs: baseline.length, ms: median(baseline.map((b) => b.ms)), rssMB: peak(baseline) };
const checks = [];
const rows = [];
const check = (name, ok, short = name) => {
  const c = { name, short, ok: Boolean(ok) };
  checks.push(c);
  return c;
};
const wall = (r) => (r.skipped ? `skipped: ${r.skipped}` : r.timedOut ? `> ${timeoutMs / 1000} s (timed out)` : fmtMs(r.ms));
// Each row shows the median of the `node -e 0` runs interleaved with it: its ratio is taken against that.
const row = (r, ratio, target, own) =>
  rows.push([`\`${r.name}\``, r.size, r.runs, wall(r), fmtMB(r.rssMB), r.baseMs == null ? '–' : fmtMs(r.baseMs), ratio, target, own ? verdict(own) : '–']);
const vsNode = (r) => (r.ms == null ? null : r.ms / r.baseMs);
const ratioRow = (r, max) =>
  row(r, fmtX(vsNode(r)), `≤ ${max}× node`, [check(`${r.name}${r.size === '–' ? '' : ` ${r.size}`}`, vsNode(r) <= max)]);

row(base, '1.00×', 'baseline');
ratioRow(results.help, 1.5);
ratioRow(results.version, 1.5);
ratioRow(results.seed.generate, 2);
ratioRow(results.seed.import, 2.5);
ratioRow(results.seed.check, 3);
const speedup = results.quicktype.ms / results.quicktypeErrgen.ms;
row(results.quicktypeErrgen, fmtX(vsNode(results.quicktypeErrgen)), '–');
row(results.quicktype, `errgen ${fmtX(speedup)} faster`, 'errgen generate ≥ 8× faster', [check('errgen vs quicktype', speedup >= 8)]);
/** The runs with nothing changed since the last one (no targets: they are about the whole work). */
const unchangedRows = (label) => {
  for (const c of ['generateAgain', 'checkAgain']) if (results[label][c]) row(results[label][c], fmtX(vsNode(results[label][c])), '–');
};
unchangedRows('seed');
for (const c of ['import', 'generate', 'check']) row(results['1k'][c], fmtX(vsNode(results['1k'][c])), '–');
unchangedRows('1k');
/** The issue's 10k target is import and generate together: their medians added. */
const inSequence = (name, size, a, b) => ({ name, size, runs: Math.min(a.runs, b.runs), ms: a.ms != null && b.ms != null ? a.ms + b.ms : null, rssMB: null });
const importAndGenerate10k = quick ? undefined : inSequence('errgen import + generate', '10k', results['10k'].import, results['10k'].generate);
if (!quick) {
  const k10 = results['10k'];
  for (const c of ['import', 'generate', 'check']) row(k10[c], fmtX(vsNode(k10[c])), '–');
  unchangedRows('10k');
  const both = importAndGenerate10k;
  row(both, '–', '≤ 1.5 s', [check('import + generate 10k ≤ 1.5 s', both.ms != null && both.ms <= 1500)]);
  const jc = results.javac ?? skipped('javac ErrorCode.java', '10k', 'no Java output');
  const compiled = jc.runs > 0 && !jc.failed;
  const why = jc.failed ? (jc.failed.match(/error: [^\n]*/)?.[0] ?? 'javac failed') : (jc.skipped ?? 'timed out');
  row(jc, compiled ? 'compiles' : why, 'javac accepts it', [check('javac 10k', compiled)]);
  for (const c of ['import', 'generate', 'check']) {
    const r = results['100k'][c];
    const scale = r.ms != null && k10[c].ms != null ? r.ms / k10[c].ms : null;
    row(r, scale == null ? '–' : `${fmtX(scale)} of 10k`, '≤ 10 s, ≤ 1 GB, ≤ 12× of 10k', [
      check(`${c} 100k time`, r.ms != null && r.ms <= 10_000, 'time'),
      check(`${c} 100k memory`, r.rssMB != null && r.rssMB <= 1024, 'memory'),
      check(`${c} 100k scale`, scale != null && scale <= 12, 'scale'),
    ]);
  }
  unchangedRows('100k');
}

const when = new Date().toISOString().slice(0, 16).replace('T', ' ');
const cpu = `${os.cpus().length} × ${os.cpus()[0]?.model.trim()}`;
const commit = spawnSync('git', ['describe', '--always', '--dirty'], { cwd: root, encoding: 'utf8' }).stdout?.trim() || 'no git';
console.log(`errgen bench (${commit}), ${when} UTC, Node ${process.version}, ${cpu}, load ${os.loadavg()[0].toFixed(1)}${quick ? ', quick' : ''}`);
console.log(`Median wall time; peak RSS = max over runs of the child's ru_maxrss${hasTime ? ' (GNU time %M)' : ' (unknown: no /usr/bin/time)'}; ` +
  'ratio = median / median of the `node -e 0` runs interleaved with that command (its own column).\n');
console.log(markdownTable(rows));
const unmet = checks.filter((c) => !c.ok).map((c) => c.name);
console.log(`\nTargets met: ${checks.length - unmet.length} of ${checks.length}${unmet.length ? `; not met: ${unmet.join(', ')}` : ''}.`);

// The issue states its targets as ratios against `node -e 0` in the same run, but gives the 10k and
// 100k ones in seconds, measured where `node -e 0` took about 60 ms. On a slower or busier machine
// seconds say little, so those targets are also read as ratios against that 60 ms (1.5 s ≙ 25×,
// 10 s ≙ 166.67×). Reported beside the seconds, never instead of them: the count above is in seconds.
// These commands run for seconds, three to five times, and `node -e 0` here falls in two clusters
// (85–150 ms): against the few baseline runs beside them a ratio would jump by half, so they are
// read against the median of every baseline run of this bench.
if (!quick) {
  const referenceFloorMs = 60;
  const timeTargets = [
    { name: 'import + generate 10k', result: importAndGenerate10k, limitMs: 1500 },
    { name: 'generate 100k', result: results['100k'].generate, limitMs: 10_000 },
    { name: 'check 100k', result: results['100k'].check, limitMs: 10_000 },
  ];
  const asRatio = timeTargets.map((t) => {
    const ratio = t.result.ms == null ? null : t.result.ms / base.ms;
    const limit = t.limitMs / referenceFloorMs;
    return { ...t, wall: wall(t.result), ratio, limit, ok: ratio != null && ratio <= limit };
  });
  console.log(`\nThe same time targets as ratios against the median \`node -e 0\` of this bench, ${fmtMs(base.ms)} ` +
    `(the issue's seconds were measured where it took ~${referenceFloorMs} ms):\n`);
  console.log(markdownTable(
    asRatio.map((t) => [t.name, t.wall, fmtX(t.ratio), `≤ ${fmtMs(t.limitMs)} ≙ ${fmtX(t.limit)}`, t.ok ? 'yes' : 'no']),
    ['target', 'median wall', 'ratio', 'limit', 'met as ratio?'],
  ));
  console.log(`\nAs ratios: ${asRatio.filter((t) => t.ok).length} of ${asRatio.length} time targets met.`);
}
