// The language server of the drafting page, in a Web Worker: the same services as the editor's server, the documents
// coming from the page (the page's storage is the folder), nothing read from or sent to anywhere else.
import { EmptyFileSystem } from 'langium';
import { startLanguageServer } from 'langium/lsp';
import { BrowserMessageReader, BrowserMessageWriter, createConnection } from 'vscode-languageserver/browser';
import { createThiduaServices } from '../language/thidua-module.js';

declare const self: ConstructorParameters<typeof BrowserMessageReader>[0];

// Node's setImmediate, with which the server yields between pieces of work, as a browser task.
if (!('setImmediate' in globalThis)) Object.assign(globalThis, { setImmediate: (f: () => void) => setTimeout(f, 0) });

const connection = createConnection(new BrowserMessageReader(self), new BrowserMessageWriter(self));
const { shared } = createThiduaServices({ connection, ...EmptyFileSystem });
startLanguageServer(shared);
