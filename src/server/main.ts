import { startLanguageServer } from 'langium/lsp';
import { NodeFileSystem } from 'langium/node';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node.js';
import { createThiduaServices } from '../language/thidua-module.js';
import { registerRequests } from './thidua-requests.js';

// The transport (--stdio, --node-ipc, --socket=…) is taken from the command line.
const connection = createConnection(ProposedFeatures.all);
const { shared } = createThiduaServices({ connection, ...NodeFileSystem });
registerRequests(connection, shared);
startLanguageServer(shared);
