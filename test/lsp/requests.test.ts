// The editor's requests beyond LSP, through the real server over stdio: the extension holds no language code, so
// preview, export, status, templates and import must come from the server's linked workspace.
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import mammoth from 'mammoth';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { initialize, pathToFileURL, startServer, type Server } from '../bench/lsp-client.js';
import { EXAMPLES_DIR } from '../helpers.js';

const ROOT = join(import.meta.dirname, '..', '..');
const REPORT = 'bao-cao-tong-ket-2023-ha-lang.thidua';
let dir: string;
let server: Server;
const uriOf = (name: string) => pathToFileURL(join(dir, name)).toString();

interface Render {
    content: string;
    base64: boolean;
    syntaxErrors: number;
    errors: number;
    warnings: number;
}

beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'thidua-requests-'));
    cpSync(EXAMPLES_DIR, dir, { recursive: true });
    server = startServer(dir);
    await initialize(server, dir);
}, 60_000);
afterAll(async () => {
    await server?.close();
});

describe('thidua/render: export from the editor equals `thidua export` of the folder', () => {
    test('a Báo cáo not open in the editor links to its plan: the same Word text and the same HTML as the CLI', async () => {
        const out = mkdtempSync(join(tmpdir(), 'thidua-requests-cli-'));
        const cli = spawnSync(process.execPath, [join(ROOT, 'bin', 'thidua.cjs'), 'export', dir, '--out', out], {
            encoding: 'utf8'
        });
        expect(cli.status, cli.stderr).toBe(0);
        const docx = await server.request<Render>('thidua/render', { uri: uriOf(REPORT), format: 'docx' });
        expect(docx.base64).toBe(true);
        const fromEditor = (await mammoth.extractRawText({ buffer: Buffer.from(docx.content, 'base64') })).value;
        const fromCli = (
            await mammoth.extractRawText({ buffer: readFileSync(join(out, REPORT.replace('.thidua', '.docx'))) })
        ).value;
        expect(fromEditor).toBe(fromCli);
        // The results table is filled from the plan's targets: not "0/19".
        expect(fromEditor).toMatch(/Tổng hợp: 1[0-9]\/19 chỉ tiêu đạt/);
        spawnSync(
            process.execPath,
            [join(ROOT, 'bin', 'thidua.cjs'), 'export', dir, '--out', out, '--format', 'html'],
            { encoding: 'utf8' }
        );
        const html = await server.request<Render>('thidua/render', { uri: uriOf(REPORT), format: 'html' });
        expect(html.content).toBe(readFileSync(join(out, REPORT.replace('.thidua', '.html')), 'utf8'));
    }, 60_000);

    test('an open document is rendered at the version the editor has, with its error count; syntax errors are refused', async () => {
        const uri = uriOf('moi.thidua');
        const text = readFileSync(join(dir, '003-chi-thi-huong-tra-2024.thidua'), 'utf8');
        server.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'thidua', version: 1, text } });
        const changed = text.replace('chỉ trì', 'chỉ trì (bản thử)');
        server.notify('textDocument/didChange', {
            textDocument: { uri, version: 2 },
            contentChanges: [{ text: changed }]
        });
        const txt = await server.request<Render>('thidua/render', { uri, version: 2, format: 'txt' });
        expect(txt.content).toContain('chỉ trì (bản thử)');
        expect(txt.errors + txt.warnings).toBeGreaterThan(0);
        server.notify('textDocument/didChange', {
            textDocument: { uri, version: 3 },
            contentChanges: [{ text: changed.replace('chỉ trì', 'chỉ trì {mở mà không đóng') }]
        });
        const broken = await server.request<Render>('thidua/render', { uri, version: 3, format: 'docx' });
        expect(broken.syntaxErrors).toBeGreaterThan(0);
        expect(broken.content).toBe('');
        server.notify('textDocument/didClose', { textDocument: { uri } });
    }, 60_000);
});

describe('thidua/preview, thidua/status, thidua/template, thidua/import', () => {
    test("the preview is the page with each block's source line and the findings marked on it", async () => {
        const uri = uriOf('003-chi-thi-huong-tra-2024.thidua');
        const text = readFileSync(join(dir, '003-chi-thi-huong-tra-2024.thidua'), 'utf8');
        server.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'thidua', version: 1, text } });
        const p = await server.request<{ html: string; errors: number; warnings: number }>('thidua/preview', {
            uri,
            version: 1,
            nonce: 'abc'
        });
        expect(p.html).toContain('<p class="ten-loai">CHỈ THỊ</p>');
        expect(p.html).toMatch(/data-line="\d+"/);
        // "chỉ trì" (a known mistake of this document) is marked on its block, with the message as the block's title.
        const line = text.split('\n').findIndex(l => l.includes('chỉ trì'));
        const marked = new RegExp(
            `class="[^"]*danh-dau[^"]*" data-line="(\\d+)" data-end="(\\d+)" title="[^"]*chủ trì`
        ).exec(p.html);
        expect(marked).not.toBeNull();
        expect(Number(marked![1])).toBeLessThanOrEqual(line);
        expect(Number(marked![2])).toBeGreaterThanOrEqual(line);
        expect(p.html).toContain("script-src 'nonce-abc'");
        server.notify('textDocument/didClose', { textDocument: { uri } });
    }, 60_000);

    test("the status line: the document's kind, number and campaign period", async () => {
        const s = await server.request<{ kind?: string; period?: string; number?: string }>('thidua/status', {
            uri: uriOf('ke-hoach-dot-cao-diem-2025.thidua')
        });
        expect(s.kind).toBe('Kế hoạch');
        expect(s.period).toMatch(/^\d{1,2}\/\d{1,2}\/2025 → \d{1,2}\/\d{1,2}\/2025$/);
        expect(s.number).toMatch(/KH/);
    }, 60_000);

    test('a template with the configured issuer and signer', async () => {
        const snippet = await server.request<string>('thidua/template', {
            kind: 'KH',
            issuer: 'ỦY BAN NHÂN DÂN\nHUYỆN A LƯỚI',
            signer: 'Trần Văn $A'
        });
        expect(snippet).toContain('HUYỆN A LƯỚI');
        expect(snippet).toContain('Trần Văn \\$A');
        expect(snippet).toContain('KẾ HOẠCH');
    });

    test('import writes the .thidua beside the Word file and says so; a bad file is refused in Vietnamese', async () => {
        const out = mkdtempSync(join(tmpdir(), 'thidua-requests-import-'));
        spawnSync(
            process.execPath,
            [join(ROOT, 'bin', 'thidua.cjs'), 'export', join(dir, '003-chi-thi-huong-tra-2024.thidua'), '--out', out],
            { encoding: 'utf8' }
        );
        const imported = await server.request<{ written: string[]; said: string[]; errors: string[] }>(
            'thidua/import',
            { paths: [join(out, '003-chi-thi-huong-tra-2024.docx')] }
        );
        expect(imported.written).toEqual([join(out, '003-chi-thi-huong-tra-2024.thidua')]);
        expect(readFileSync(imported.written[0], 'utf8')).toContain('CHỈ THỊ');
        expect(imported.said.join(' ')).toContain('Đã nhập');
        writeFileSync(join(out, 'hong.docx'), 'không phải Word');
        const bad = await server.request<{ written: string[]; errors: string[] }>('thidua/import', {
            paths: [join(out, 'hong.docx')]
        });
        expect(bad.written).toEqual([]);
        expect(bad.errors.join(' ')).toMatch(/[ăâđêôơư]/);
    }, 60_000);
});

describe('requests for a document the server has not built yet', () => {
    test('code actions, hover and symbols right after opening a new file wait for it instead of failing', async () => {
        const uri = uriOf('vua-mo.thidua');
        const text = readFileSync(join(dir, '003-chi-thi-huong-tra-2024.thidua'), 'utf8');
        server.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'thidua', version: 1, text } });
        const range = { start: { line: 5, character: 0 }, end: { line: 5, character: 3 } };
        const [actions, hover, symbols] = await Promise.all([
            server.request('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics: [] } }),
            server.request('textDocument/hover', { textDocument: { uri }, position: range.start }),
            server.request<unknown[]>('textDocument/documentSymbol', { textDocument: { uri } })
        ]);
        expect(Array.isArray(actions)).toBe(true);
        expect(hover === null || typeof hover === 'object').toBe(true);
        expect(symbols.length).toBeGreaterThan(0);
        server.notify('textDocument/didClose', { textDocument: { uri } });
    }, 60_000);
});

describe("the protocol's versions", () => {
    test('a repeated or late change (a version not newer than the text) is dropped: the text never goes back', async () => {
        const uri = uriOf('phien-ban.thidua');
        const text = readFileSync(join(dir, '003-chi-thi-huong-tra-2024.thidua'), 'utf8');
        server.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'thidua', version: 1, text } });
        const v2 = text.replace('chỉ trì', 'chỉ trì (bản 2)');
        server.notify('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: v2 }] });
        // The same version again, then an older one: both are ignored.
        server.notify('textDocument/didChange', {
            textDocument: { uri, version: 2 },
            contentChanges: [{ text: text.replace('chỉ trì', 'chỉ trì (lặp)') }]
        });
        server.notify('textDocument/didChange', {
            textDocument: { uri, version: 1 },
            contentChanges: [{ text: text.replace('chỉ trì', 'chỉ trì (cũ)') }]
        });
        const txt = await server.request<Render>('thidua/render', { uri, version: 2, format: 'txt' });
        expect(txt.content).toContain('chỉ trì (bản 2)');
        expect(txt.content).not.toMatch(/\((lặp|cũ)\)/);
        // A newer one is applied.
        server.notify('textDocument/didChange', {
            textDocument: { uri, version: 3 },
            contentChanges: [{ text: text.replace('chỉ trì', 'chỉ trì (bản 3)') }]
        });
        expect((await server.request<Render>('thidua/render', { uri, version: 3, format: 'txt' })).content).toContain(
            'chỉ trì (bản 3)'
        );
        server.notify('textDocument/didClose', { textDocument: { uri } });
    }, 60_000);
});

describe('closing a document', () => {
    test('a file closed with unsaved edits is the file on disk again', async () => {
        const name = 'dong-lai.thidua';
        const text = readFileSync(join(dir, '003-chi-thi-huong-tra-2024.thidua'), 'utf8');
        writeFileSync(join(dir, name), text);
        const uri = uriOf(name);
        server.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'thidua', version: 1, text } });
        server.notify('textDocument/didChange', {
            textDocument: { uri, version: 2 },
            contentChanges: [{ text: text.replace('chỉ trì', 'chỉ trì (chưa lưu)') }]
        });
        expect((await server.request<Render>('thidua/render', { uri, version: 2, format: 'txt' })).content).toContain(
            '(chưa lưu)'
        );
        server.notify('textDocument/didClose', { textDocument: { uri } });
        await expect
            .poll(async () => (await server.request<Render>('thidua/render', { uri, format: 'txt' })).content, {
                timeout: 10_000
            })
            .not.toContain('(chưa lưu)');
    }, 60_000);
});
