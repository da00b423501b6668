import { startLanguageServer } from 'langium/lsp';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { isMainThread, workerData } from 'node:worker_threads';
import { ThiduaFileSystem } from '../io/read.js';
import { createThiduaServices } from '../language/thidua-module.js';
import { registerRequests } from './thidua-requests.js';
import { serverIndexStore } from './index-store.js';
import { INDEX_THREAD, runIndexThread, ThreadIndexWorkers } from './index-threads.js';

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
