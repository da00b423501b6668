#!/usr/bin/env node
require('./code-cache.cjs')(require('node:path').join(__dirname, '..', 'dist', 'cli.cjs'));
