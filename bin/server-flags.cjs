'use strict';
// V8 flags of the language server, set before its bundle is loaded: V8 accepts a code cache only under the flags
// it was written with, and the cache is written at the end of a session, after the bundle has set its own.
// --expose-gc: a full collection once start-up is built (src/language/workspace/collect-garbage.ts).
// --no-allocation-site-pretenuring: set again by the bundle (src/server/main.ts), for a start without this file.
module.exports = ['--expose-gc', '--no-allocation-site-pretenuring'];
