import { startLanguageServer } from 'langium/lsp';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { setFlagsFromString } from 'node:v8';
import { isMainThread, workerData } from 'node:worker_threads';
import { ThiduaFileSystem } from '../io/read.js';
import { createThiduaServices } from '../language/thidua-module.js';
import { registerRequests } from './thidua-requests.js';
import { serverIndexStore } from './index-store.js';
import { INDEX_THREAD, runIndexThread, ThreadIndexWorkers } from './index-threads.js';

// V8 allocates the objects of an allocation site in the old generation once enough of them have outlived a minor
// collection (the tree of a large open file): every file's tree parsed at start-up, dropped after its own build, was
// then partly old and kept the rest alive until a full collection (5,000 files: 1.2 GB copied instead of 0.25).
setFlagsFromString('--no-allocation-site-pretenuring');

const serverFile = typeof __filename === 'string' ? __filename : undefined;
if (!isMainThread && workerData === INDEX_THREAD) runIndexThread();
else {
    // The transport (--stdio, --node-ipc, --socket=…) is taken from the command line.
    const connection = createConnection(ProposedFeatures.all);
    // The folder's index is saved between sessions, for this very server file only (its fingerprint is the key).
    const indexStore = serverIndexStore(serverFile);
    // Threads running this same file build part of a large folder at start-up.
    const indexWorkers = serverFile ? new ThreadIndexWorkers(serverFile) : undefined;
    const { shared } = createThiduaServices({ connection, ...ThiduaFileSystem, indexStore, indexWorkers });
    registerRequests(connection, shared);
    startLanguageServer(shared);
}
