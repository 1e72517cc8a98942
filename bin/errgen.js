#!/usr/bin/env node
import { boot } from '../dist/cli/boot.js';

process.exitCode = await boot(process.argv.slice(2));
