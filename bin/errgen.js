#!/usr/bin/env node
// CommonJS (bin/package.json): an ES module entry would start Node's ESM loader first, ~20 ms a run.
'use strict';

require('../dist/cli/boot.cjs')
  .boot(process.argv.slice(2))
  .then((code) => {
    process.exitCode = code;
  });
