// The saved index through the real server over stdio: a folder opened again answers as it did the first time.
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { initialize, pathToFileURL, startServer, type Server } from '../bench/lsp-client.js';
import { EXAMPLES_DIR } from '../helpers.js';
import { plansFolder } from './lsp-helpers.js';

const REGISTRY = 'so-van-ban.thidua';
const REPORT = 'bao-cao-tong-ket-2023-ha-lang.thidua';

async function until<T>(fn: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
    for (let i = 0; i < 300; i++) {
        const value = await fn();
        if (done(value)) return value;
        await new Promise(r => setTimeout(r, 50));
    }
    throw new Error('timeout');
}

/** What a session answers about files it has not opened: symbols, references to a registry entry, a report's text. */
async function answers(server: Server, dir: string) {
    const registry = pathToFileURL(join(dir, REGISTRY)).toString();
    const text = readFileSync(join(dir, REGISTRY), 'utf8');
    const at = text.indexOf('34-CT/TW', text.indexOf('- [Chỉ thị số'));
    const lines = text.slice(0, at).split('\n');
    const symbols = await until(
        () => server.request<{ name: string }[] | null>('workspace/symbol', { query: '' }),
        s => (s?.length ?? 0) > 20
    );
    server.notify('textDocument/didOpen', { textDocument: { uri: registry, languageId: 'thidua', version: 1, text } });
    const references = await server.request<{ uri: string; range: unknown }[]>('textDocument/references', {
        textDocument: { uri: registry },
        position: { line: lines.length - 1, character: lines[lines.length - 1].length + 2 },
        context: { includeDeclaration: false }
    });
    const report = await server.request<{ content: string }>('thidua/render', {
        uri: pathToFileURL(join(dir, REPORT)).toString(),
        format: 'html'
    });
    return {
        symbols: symbols!.map(s => s.name).sort(),
        references: references.map(r => `${r.uri.slice(r.uri.lastIndexOf('/') + 1)} ${JSON.stringify(r.range)}`).sort(),
        report: report.content
    };
}

describe('a folder opened again', () => {
    test('starts from the index its last session saved and answers the same', async () => {
        const dir = mkdtempSync(join(tmpdir(), 'thidua-reopen-'));
        cpSync(EXAMPLES_DIR, dir, { recursive: true });
        const cache = mkdtempSync(join(tmpdir(), 'thidua-index-'));
        const env = { THIDUA_INDEX_DIR: join(cache, 'index') };

        const first = startServer(dir, undefined, env);
        await initialize(first, dir);
        await until(
            async () =>
                existsSync(env.THIDUA_INDEX_DIR) && readdirSync(env.THIDUA_INDEX_DIR).some(f => f.endsWith('.json')),
            saved => saved
        );
        const before = await answers(first, dir);
        await first.close();
        expect(before.references.filter(r => !r.startsWith(REGISTRY)).length).toBeGreaterThanOrEqual(3);
        expect(before.report).toMatch(/Tổng hợp: 1[0-9]\/19 chỉ tiêu đạt/);

        const second = startServer(dir, undefined, env);
        await initialize(second, dir);
        expect(await answers(second, dir)).toEqual(before);
        await second.close();
    }, 60_000);

    test('closed right after start-up, the server first finishes saving the index', async () => {
        const dir = plansFolder('thidua-closed-', 400);
        writeFileSync(join(dir, 'zz-cuoi.thidua'), 'KẾ HOẠCH\nThi đua\n\n1) {#cuoi_cung Chỉ tiêu cuối: 1 km}.\n');
        const cache = mkdtempSync(join(tmpdir(), 'thidua-index-'));
        const server = startServer(dir, undefined, { THIDUA_INDEX_DIR: cache });
        await initialize(server, dir);
        // The last file indexed: the save starts when start-up ends, about then.
        await until(
            () => server.request<{ name: string }[] | null>('workspace/symbol', { query: 'cuoi_cung' }),
            s => (s?.length ?? 0) > 0
        );
        await server.close();
        const files = readdirSync(cache);
        expect(files.filter(f => f.endsWith('.json'))).toHaveLength(1);
        expect(files.filter(f => f.endsWith('.tmp'))).toEqual([]);
    }, 120_000);
});
