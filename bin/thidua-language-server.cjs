#!/usr/bin/env node
for (const flag of require('./server-flags.cjs')) require('node:v8').setFlagsFromString(flag);
require('./code-cache.cjs')(require('node:path').join(__dirname, '..', 'dist', 'server.cjs'));
