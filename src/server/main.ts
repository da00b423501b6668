import { startLanguageServer } from 'langium/lsp';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { ThiduaFileSystem } from '../io/read.js';
import { createThiduaServices } from '../language/thidua-module.js';
import { registerRequests } from './thidua-requests.js';

// The transport (--stdio, --node-ipc, --socket=…) is taken from the command line.
const connection = createConnection(ProposedFeatures.all);
const { shared } = createThiduaServices({ connection, ...ThiduaFileSystem });
registerRequests(connection, shared);
startLanguageServer(shared);
