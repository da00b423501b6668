// A folder's first opening parses every file once. A tree that is dead but still reachable from the old generation
// (a getter made by an object literal, a WeakMap's value, a node V8 chose to allocate there) survives every minor
// collection until a full one: all the trees were copied to the old generation, a quarter of the start-up's time.
import { spawn } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, IPCMessageReader, IPCMessageWriter } from 'vscode-jsonrpc/node';
import { describe, expect, test } from 'vitest';
import { lastIndexedId, workspaceFolder } from '../bench/generate.js';

const SERVER = join(import.meta.dirname, '..', '..', 'dist', 'server.cjs');
const DOCUMENTS = 400;

/** What V8's minor collections copied to the old generation while the server opened the folder, in bytes. */
async function promotedAtStartUp(folder: string): Promise<number> {
    // Over IPC: V8 writes its trace of each collection on the standard output.
    const proc = spawn(process.execPath, ['--trace-gc-nvp', SERVER, '--node-ipc'], {
        cwd: folder,
        stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
        env: { ...process.env, THIDUA_INDEX_DIR: '', THIDUA_INDEX_THREADS: '0' }
    });
    let trace = '';
    proc.stdout!.on('data', (chunk: Buffer) => (trace += chunk.toString()));
    const conn = createMessageConnection(new IPCMessageReader(proc), new IPCMessageWriter(proc));
    conn.listen();
    const uri = pathToFileURL(folder).toString();
    await conn.sendRequest('initialize', {
        processId: process.pid,
        rootUri: uri,
        workspaceFolders: [{ uri, name: 'ws' }],
        capabilities: {}
    });
    await conn.sendNotification('initialized', {});
    // A large file open in the editor: its tree lives on, and V8 learns that trees live long.
    const open = join(folder, 'lon.thidua');
    await conn.sendNotification('textDocument/didOpen', {
        textDocument: {
            uri: pathToFileURL(open).toString(),
            languageId: 'thidua',
            version: 1,
            text: readFileSync(open, 'utf8')
        }
    });
    const last = lastIndexedId(folder);
    for (;;) {
        const symbols = await conn.sendRequest<{ name: string }[] | null>('workspace/symbol', { query: last });
        if (symbols?.some(s => s.name === last)) break;
        await new Promise(resolve => setTimeout(resolve, 100));
    }
    // Listened to before the server is asked to exit: it may be gone before the request's answer is read.
    const exited = new Promise(resolve => proc.once('exit', resolve));
    await conn.sendRequest('shutdown');
    await conn.sendNotification('exit');
    await exited;
    conn.dispose();
    return trace
        .split('\n')
        .filter(line => / gc=s /.test(line))
        .reduce((sum, line) => sum + Number(/ promoted=(\d+)/.exec(line)?.[1] ?? 0), 0);
}

describe('the first opening of a folder', () => {
    test('lets the tree of each file it builds die young', async () => {
        const { folder } = workspaceFolder(DOCUMENTS, 3_000);
        try {
            const perDocument = (await promotedAtStartUp(folder)) / DOCUMENTS;
            // What the index and digests keep of a file is ~50 KB, the open file and its checks ~60 KB more per file
            // here; a tree is ~200 KB: all of them copied made ~320 KB.
            expect(perDocument).toBeGreaterThan(0);
            expect(perDocument).toBeLessThan(200 * 1024);
        } finally {
            rmSync(folder, { recursive: true, force: true });
        }
    });
});
