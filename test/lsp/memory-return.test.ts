// The language server gives its memory back once a large document is closed (the figure is in `npm run bench`).
import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect, test } from 'vitest';
import { generateDocument } from '../bench/generate.js';
import { initialize, rssMb, startServer } from '../bench/lsp-client.js';
import { EXAMPLES_DIR } from '../helpers.js';

const settle = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));

test('after a 4 MB document is opened, edited and closed, the server returns to less than 1.5 × its memory before', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'thidua-memory-'));
    cpSync(EXAMPLES_DIR, dir, { recursive: true });
    const file = join(dir, 'lon.thidua');
    const text = generateDocument(20_000, 3);
    writeFileSync(file, text);
    const server = startServer(dir);
    try {
        await initialize(server, dir);
        await settle(3000);
        const before = rssMb(server.pid);
        const uri = pathToFileURL(file).toString();
        const opened = server.nextDiagnostics(uri);
        server.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'thidua', version: 1, text } });
        await opened;
        for (let version = 2; version < 6; version++) {
            const checked = server.nextDiagnostics(uri);
            const change = { range: { start: { line: 5, character: 0 }, end: { line: 5, character: 0 } }, text: 'x' };
            server.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [change] });
            await checked;
        }
        const open = rssMb(server.pid);
        server.notify('textDocument/didClose', { textDocument: { uri } });
        await settle(5000);
        const closed = rssMb(server.pid);
        expect(open).toBeGreaterThan(before * 2);
        expect(closed, `RSS ${before.toFixed(0)} → ${open.toFixed(0)} → ${closed.toFixed(0)} MB`).toBeLessThan(
            before * 1.5
        );
    } finally {
        await server.close();
    }
}, 60_000);
