// The drafting page (npm run web) in Debian's Chromium, every request outside the page's own origin blocked.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import mammoth from 'mammoth';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../chromium.js';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { serveWeb } from '../../src/cli/web.js';
import { run } from '../../src/cli/main.js';
import { importFile } from '../../src/cli/import.js';

/** What the page gives its tests (src/web/page.ts). */
interface PageEditor {
    getValue(): string;
    getModel(): { getValue(): string; getPositionAt(offset: number): unknown } | null;
    setPosition(position: unknown): void;
    focus(): void;
    trigger(source: string, handler: string, payload: unknown): void;
}
declare global {
    interface Window {
        thidua?: { editor: PageEditor; markers(): string[]; open(name: string): void };
    }
}

const ROOT = join(import.meta.dirname, '..', '..');
const WEB = join(ROOT, 'dist', 'web');

let server: Server, browser: Browser, page: Page, origin: string;
const outside: string[] = [];
const errors: string[] = [];

beforeAll(async () => {
    if (!existsSync(join(WEB, 'index.html'))) throw new Error('run "npm run build" first (it builds dist/web)');
    server = await serveWeb(WEB, 0);
    const address = server.address();
    origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    browser = await launchChromium();
    const context = await browser.newContext({ viewport: { width: 1400, height: 850 }, acceptDownloads: true });
    await context.route('**/*', route => {
        const url = route.request().url();
        if (url.startsWith(origin + '/')) return route.continue();
        outside.push(url);
        return route.abort();
    });
    // Anything the page's policy (no eval, its own files only) refused is recorded.
    await context.addInitScript(() =>
        document.addEventListener('securitypolicyviolation', e =>
            document.documentElement.setAttribute(
                'data-refused',
                `${document.documentElement.getAttribute('data-refused') ?? ''} ${e.violatedDirective}`
            )
        )
    );
    // A folder of the machine, as the File System Access API hands it to the page (a registry and a plan).
    const folder = {
        'so-van-ban.thidua': readFileSync(join(ROOT, 'test', 'fixtures', 'correct', 'so-van-ban.thidua'), 'utf8'),
        'ke-hoach-xa.thidua': readFileSync(
            join(ROOT, 'test', 'fixtures', 'correct', 'ke-hoach-chuan.thidua'),
            'utf8'
        ).replace(
            'Căn cứ [Chỉ thị số 34-CT/TW',
            'Căn cứ [Kế hoạch số 999/KH-UBND ngày 02/01/2021 của UBND huyện];\n[Chỉ thị số 34-CT/TW'
        )
    };
    await context.addInitScript(files => {
        const written: Record<string, string> = {};
        Object.assign(window, {
            written,
            showDirectoryPicker: async () => ({
                name: 'thu-muc',
                async *entries() {
                    for (const [name, text] of Object.entries(files))
                        yield [
                            name,
                            {
                                name,
                                getFile: async () => new File([text], name),
                                createWritable: async () => {
                                    let out = '';
                                    return {
                                        write: async (s: string) => void (out += s),
                                        close: async () => void (written[name] = out)
                                    };
                                }
                            }
                        ];
                }
            })
        });
    }, folder);
    page = await context.newPage();
    // The editor asks for code actions before it has sent the document (a race of Monaco's client): the server
    // cancels that request and the editor asks again.
    page.on('pageerror', e => {
        if (!/^No document found for URI/.test(e.message)) errors.push(e.message);
    });
    await page.goto(origin + '/');
    await page.waitForFunction(() => (window.thidua?.markers().length ?? 0) > 0, undefined, { timeout: 20_000 });
}, 60_000);

afterAll(async () => {
    await browser?.close();
    await new Promise(resolve => server?.close(resolve));
});

const text = () => page.evaluate(() => window.thidua!.editor.getValue());
const markers = () => page.evaluate(() => window.thidua!.markers());

/** Puts the cursor after the first occurrence of `after` in the editor. */
async function cursorAfter(after: string): Promise<void> {
    await page.evaluate(needle => {
        const editor = window.thidua!.editor;
        const model = editor.getModel()!;
        const position = model.getPositionAt(model.getValue().indexOf(needle) + needle.length);
        editor.setPosition(position);
        editor.focus();
    }, after);
}

describe('the drafting page', () => {
    test('typing a misspelling shows a squiggle; its quick fix applies; the preview follows', async () => {
        await cursorAfter('1. Phòng Nội vụ');
        await page.keyboard.type(' chỉ trì');
        await page.waitForFunction(
            () => window.thidua!.markers().some(m => m.includes('"chỉ trì" viết sai chính tả')),
            undefined,
            { timeout: 10_000 }
        );
        expect(await page.locator('.squiggly-warning, .squiggly-error, .squiggly-info').count()).toBeGreaterThan(0);
        await cursorAfter('Phòng Nội vụ chỉ');
        await page.keyboard.press('Control+.');
        const fix = page.locator('.action-widget .monaco-list-row', { hasText: 'Sửa thành "chủ trì"' }).first();
        await fix.waitFor({ timeout: 10_000 });
        // Monaco's own labels are Vietnamese too (src/web/monaco-vi.json).
        expect(await page.locator('.action-widget').first().textContent()).toContain('Sửa nhanh');
        await page.keyboard.press('Enter');
        await page.waitForFunction(() => window.thidua!.editor.getValue().includes('Phòng Nội vụ chủ trì chủ trì'));
        expect(await markers()).not.toContainEqual(expect.stringContaining('"chỉ trì"'));
        await page.waitForFunction(
            () => (document.getElementById('preview') as HTMLIFrameElement).srcdoc.includes('chủ trì chủ trì'),
            undefined,
            { timeout: 5_000 }
        );
    }, 60_000);

    test('completion offers "chỉ tiêu" for "chi tieu"', async () => {
        await cursorAfter('1. Nội dung thi đua thứ nhất.');
        await page.keyboard.press('Enter');
        await page.keyboard.type('chi tieu');
        await page.keyboard.press('Control+Space');
        const item = page.locator('.suggest-widget .monaco-list-row', { hasText: 'chỉ tiêu' }).first();
        await item.waitFor({ timeout: 10_000 });
        await page.keyboard.press('Escape');
        // The line is taken away again, so that the document stays as the other tests expect.
        await page.keyboard.press('Control+Shift+K');
        expect(await text()).not.toContain('chi tieu');
    }, 30_000);

    test('"Tải về Word" gives the .docx the CLI exports of the same text', async () => {
        const [download] = await Promise.all([page.waitForEvent('download'), page.click('#docx')]);
        const dir = mkdtempSync(join(tmpdir(), 'thidua-web-'));
        try {
            const fromPage = join(dir, 'trang.docx');
            await download.saveAs(fromPage);
            expect(download.suggestedFilename()).toBe('ke-hoach.docx');
            const source = join(dir, 'ke-hoach.thidua');
            writeFileSync(source, await text());
            const out = join(dir, 'out');
            mkdirSync(out);
            const io = { out: () => undefined, err: () => undefined };
            expect(await run(['export', source, '--out', out], io)).toBeLessThan(2);
            const read = async (file: string) => (await mammoth.extractRawText({ path: file })).value;
            const page_ = await read(fromPage);
            expect(page_).toContain('chủ trì chủ trì');
            expect(page_).toBe(await read(join(out, 'ke-hoach.docx')));
            // Every part of the Word file is the CLI's, but the time it was made.
            const parts = async (file: string) => {
                const zip = await JSZip.loadAsync(readFileSync(file));
                const names = Object.keys(zip.files).filter(n => n !== 'docProps/core.xml');
                return Object.fromEntries(
                    await Promise.all(names.map(async n => [n, await zip.file(n)?.async('string')]))
                );
            };
            expect(await parts(fromPage)).toEqual(await parts(join(out, 'ke-hoach.docx')));
            // HTML and text too.
            for (const format of ['html', 'txt']) {
                const [file] = await Promise.all([page.waitForEvent('download'), page.click(`#${format}`)]);
                const saved = join(dir, `trang.${format}`);
                await file.saveAs(saved);
                expect(await run(['export', source, '--out', out, '--format', format], io)).toBeLessThan(2);
                expect(readFileSync(saved, 'utf8')).toBe(readFileSync(join(out, `ke-hoach.${format}`), 'utf8'));
            }
        } finally {
            rmSync(dir, { recursive: true, force: true });
        }
    }, 30_000);

    test('a new Chỉ thị from the template; hover, outline and formatting come from the server', async () => {
        await page.click('#new-ct');
        const name = `chi-thi-${new Date().getFullYear()}.thidua`;
        await page.waitForFunction(n => document.querySelector('#documents .current')?.textContent === n, name);
        await page.waitForFunction(() => window.thidua!.editor.getValue().includes('CHỈ THỊ'));
        // Hover on the campaign period: what the server reads in it.
        await cursorAfter('{Từ ngày');
        await page.evaluate(() => window.thidua!.editor.trigger('test', 'editor.action.showHover', {}));
        const hover = page.locator('.monaco-hover-content').first();
        await hover.waitFor({ timeout: 10_000 });
        expect(await hover.innerText()).toMatch(/31\/12\/\d{4}|31 tháng 12/);
        await page.keyboard.press('Escape');
        // The outline lists the document's parts.
        await page.evaluate(() => window.thidua!.editor.trigger('test', 'editor.action.quickOutline', {}));
        const part = page.locator('.quick-input-list .monaco-list-row', { hasText: 'NỘI DUNG' }).first();
        await part.waitFor({ timeout: 10_000 });
        await page.keyboard.press('Escape');
        // Formatting aligns a table's pipes.
        await cursorAfter('1. Nội dung thi đua thứ nhất.');
        await page.evaluate(() =>
            window.thidua!.editor.trigger('keyboard', 'type', {
                text: '\n\n| STT | Nội dung |\n|---|---|\n| 1 | Tuyên truyền |'
            })
        );
        await page.evaluate(() => window.thidua!.editor.trigger('test', 'editor.action.formatDocument', {}));
        await page.waitForFunction(() => window.thidua!.editor.getValue().includes('| 1   | Tuyên truyền |'));
        await page.evaluate(() => window.thidua!.open('ke-hoach.thidua'));
    }, 60_000);

    test('"Mở tệp Word…" imports a .docx as `thidua import` does', async () => {
        const dir = mkdtempSync(join(tmpdir(), 'thidua-web-'));
        try {
            const io = { out: () => undefined, err: () => undefined };
            const source = join(ROOT, 'examples', 'ke-hoach-thi-dua-cham-diem-2025.thidua');
            expect(await run(['export', source, '--out', dir], io)).toBeLessThan(2);
            const word = join(dir, 'ke-hoach-thi-dua-cham-diem-2025.docx');
            await page.setInputFiles('#import-file', word);
            await page.waitForFunction(() =>
                window.thidua!.editor.getValue().includes('BẢNG CHẤM ĐIỂM THI ĐUA CÁC XÃ NĂM 2025')
            );
            expect(await text()).toBe((await importFile(word, io)).text);
            expect(await page.locator('#documents .current').textContent()).toBe(
                'ke-hoach-thi-dua-cham-diem-2025.thidua'
            );
            await page.evaluate(() => window.thidua!.open('ke-hoach.thidua'));
        } finally {
            rmSync(dir, { recursive: true, force: true });
        }
    }, 30_000);

    test('"Mở .thidua…" opens a file as it is, under a free name', async () => {
        const dir = mkdtempSync(join(tmpdir(), 'thidua-web-'));
        try {
            const file = join(dir, 'ke-hoach.thidua');
            const source = readFileSync(join(ROOT, 'examples', 'ke-hoach-dot-cao-diem-2025.thidua'), 'utf8');
            writeFileSync(file, source);
            await page.setInputFiles('#open-file', file);
            await page.waitForFunction(
                () => document.querySelector('#documents .current')?.textContent === 'ke-hoach-2.thidua'
            );
            expect(await text()).toBe(source);
            await page.evaluate(() => window.thidua!.open('ke-hoach.thidua'));
        } finally {
            rmSync(dir, { recursive: true, force: true });
        }
    }, 30_000);

    test('a large file imports in the background: the editor keeps answering', async () => {
        const dir = mkdtempSync(join(tmpdir(), 'thidua-web-'));
        try {
            const lines = Array.from(
                { length: 6000 },
                (_, i) => `${(i % 9) + 1}. Thôn số ${i} tổ chức tuyên truyền, vận động Nhân dân tham gia phong trào.`
            );
            const big = join(dir, 'van-ban-lon.txt');
            writeFileSync(big, `KẾ HOẠCH\nThi đua năm 2025\n\n${lines.join('\n')}\n`);
            await page.setInputFiles('#import-file', big);
            const started = Date.now();
            await page.evaluate(() => window.thidua!.editor.getValue().length);
            expect(Date.now() - started).toBeLessThan(1000);
            await page.waitForFunction(
                () => document.querySelector('#documents .current')?.textContent === 'van-ban-lon.thidua',
                undefined,
                { timeout: 60_000 }
            );
            expect(await text()).toContain('Thôn số 5999');
            await page.evaluate(() => window.thidua!.open('ke-hoach.thidua'));
        } finally {
            rmSync(dir, { recursive: true, force: true });
        }
    }, 90_000);

    test('a folder opened in the page: its citations link to its registry; "Lưu .thidua" writes back', async () => {
        await page.click('#folder');
        await page.waitForFunction(() => window.thidua!.editor.getValue().includes('999/KH-UBND'));
        await page.waitForFunction(() => window.thidua!.markers().some(m => m.includes('999/KH-UBND')), undefined, {
            timeout: 10_000
        });
        const found = await markers();
        expect(found.filter(m => m.includes('chưa có trong sổ văn bản'))).toEqual([
            expect.stringContaining('Văn bản số 999/KH-UBND chưa có trong sổ văn bản')
        ]);
        await cursorAfter('Phòng Nội vụ');
        await page.keyboard.type(' huyện');
        await page.click('#save');
        await page.waitForFunction(() => 'ke-hoach-xa.thidua' in (window as unknown as { written: object }).written);
        const written = await page.evaluate(() => (window as unknown as { written: Record<string, string> }).written);
        expect(written['ke-hoach-xa.thidua']).toContain('Phòng Nội vụ huyện');
        await page.evaluate(() => window.thidua!.open('ke-hoach.thidua'));
    }, 30_000);

    test("two tabs of the page: each keeps its own edits, and sees the other's", async () => {
        const other = await page.context().newPage();
        try {
            await other.goto(origin + '/');
            await other.waitForFunction(() => (window.thidua?.markers().length ?? 0) > 0, undefined, {
                timeout: 20_000
            });
            // In this tab the plan, in the other a new Chỉ thị; the plan's edit reaches the other tab.
            await cursorAfter('V. TỔ CHỨC THỰC HIỆN');
            await page.keyboard.type(' (tab một)');
            await other.click('#new-ct');
            await other.waitForFunction(() => window.thidua!.editor.getValue().includes('CHỈ THỊ'));
            await other.evaluate(() => window.thidua!.editor.trigger('keyboard', 'type', { text: 'tab hai ' }));
            await page.evaluate(() => window.dispatchEvent(new Event('pagehide')));
            await other.evaluate(() => window.dispatchEvent(new Event('pagehide')));
            await other.evaluate(() => window.thidua!.open('ke-hoach.thidua'));
            await other.waitForFunction(() => window.thidua!.editor.getValue().includes('(tab một)'));
            await page.reload();
            await page.waitForFunction(() => (window.thidua?.markers().length ?? 0) > 0, undefined, {
                timeout: 20_000
            });
            expect(await text()).toContain('V. TỔ CHỨC THỰC HIỆN (tab một)');
            const name = `chi-thi-${new Date().getFullYear()}-2.thidua`;
            await page.evaluate(n => window.thidua!.open(n), name);
            expect(await text()).toContain('tab hai ');
            await page.evaluate(() => window.thidua!.open('ke-hoach.thidua'));
        } finally {
            await other.close();
        }
    }, 90_000);

    test('the documents survive a reload; nothing was asked of another origin; the page looks right', async () => {
        const before = await text();
        await page.waitForTimeout(500);
        await page.reload();
        await page.waitForFunction(() => (window.thidua?.markers().length ?? 0) > 0, undefined, { timeout: 20_000 });
        expect(await text()).toBe(before);
        // Colours: the server's semantic tokens give words a colour of their own (Monaco's classes mtk2, mtk3 …).
        await expect
            .poll(() => page.locator('.view-lines span[class^="mtk"]:not(.mtk1)').count(), { timeout: 10_000 })
            .toBeGreaterThan(0);
        await page.waitForTimeout(500);
        mkdirSync(join(ROOT, 'out'), { recursive: true });
        await page.screenshot({ path: join(ROOT, 'out', 'web-page.png') });
        expect(readFileSync(join(ROOT, 'out', 'web-page.png')).length).toBeGreaterThan(10_000);
        expect(outside).toEqual([]);
        expect(errors).toEqual([]);
        expect(await page.evaluate(() => document.documentElement.getAttribute('data-refused'))).toBeNull();
        const policy = await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content');
        expect(policy).toContain("script-src 'self'");
        expect(policy).not.toContain('unsafe-eval');
        // `thidua web` sends the same policy as a header.
        expect((await fetch(origin + '/')).headers.get('content-security-policy')).toBe(
            `${policy}; frame-ancestors 'none'`
        );
    }, 60_000);
});
