'use strict';
// Runs a bundle with V8's code cache (`<bundle>.cache`, written by `npm run build` after a sample run), so that
// a command does not compile the bundle's functions again on every start. The cache names the bundle's SHA-256:
// a cache left from another build, a missing one or one V8 rejects only costs the compile.
const crypto = require('node:crypto');
const fs = require('node:fs');
const Module = require('node:module');
const path = require('node:path');
const vm = require('node:vm');

const HASH_BYTES = 32;
/** Where a bundle run by this file finds it (src/server/index-threads.ts). */
const RUNNER = Symbol.for('thidua.codeCacheRunner');

/** Loads `file` as the main CommonJS module; with `THIDUA_WRITE_CODE_CACHE=1` writes its cache at exit. */
module.exports = function runWithCodeCache(file) {
    const bytes = fs.readFileSync(file);
    const hash = crypto.createHash('sha256').update(bytes).digest();
    const source = bytes.toString('utf8');
    const cacheFile = file + '.cache';
    let cachedData;
    try {
        const cache = fs.readFileSync(cacheFile);
        if (cache.length > HASH_BYTES && cache.subarray(0, HASH_BYTES).equals(hash)) cachedData = cache.subarray(HASH_BYTES);
    } catch {
        // No cache: compile as usual.
    }
    const script = new vm.Script(Module.wrap(source), { filename: file, cachedData });
    // Written by the main thread only (threads started through `RUNNER` run the same bundle).
    if (process.env.THIDUA_WRITE_CODE_CACHE === '1' && require('node:worker_threads').isMainThread) {
        process.once('exit', () => {
            const tmp = `${cacheFile}.${process.pid}.tmp`;
            fs.writeFileSync(tmp, Buffer.concat([hash, script.createCachedData()]));
            fs.renameSync(tmp, cacheFile);
        });
    }
    // The bundle starts its worker threads through this file, so that they load with the cache too.
    globalThis[RUNNER] = __filename;
    const bundle = new Module(file, null);
    bundle.filename = file;
    bundle.paths = Module._nodeModulePaths(path.dirname(file));
    bundle.loaded = true;
    script.runInThisContext()(bundle.exports, id => bundle.require(id), bundle, file, path.dirname(file));
};
