import fc from 'fast-check';

/**
 * In CI (CI=true) property tests use a fixed seed, so a run is reproducible and a submission is never
 * failed by a newly drawn input; locally every run draws new inputs, and `npm run fuzz` draws many.
 */
export const ciSeed = 20261126;

if (process.env['CI'] === 'true' && process.env['FUZZ_SEED'] === undefined) fc.configureGlobal({ seed: ciSeed });
