#!/usr/bin/env node
// The server calls a full collection once its start-up is built (src/language/workspace/collect-garbage.ts).
require('node:v8').setFlagsFromString('--expose-gc');
require('./code-cache.cjs')(require('node:path').join(__dirname, '..', 'dist', 'server.cjs'));
