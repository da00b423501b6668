import { startLanguageServer } from 'langium/lsp';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { ThiduaFileSystem } from '../io/read.js';
import { createThiduaServices } from '../language/thidua-module.js';
import { registerRequests } from './thidua-requests.js';
import { serverIndexStore } from './index-store.js';

// The transport (--stdio, --node-ipc, --socket=…) is taken from the command line.
const connection = createConnection(ProposedFeatures.all);
// The folder's index is saved between sessions, for this very server file only (its fingerprint is the key).
const indexStore = serverIndexStore(typeof __filename === 'string' ? __filename : undefined);
const { shared } = createThiduaServices({ connection, ...ThiduaFileSystem, indexStore });
registerRequests(connection, shared);
startLanguageServer(shared);
