/// <reference lib="dom" />
import { spawnSync } from 'node:child_process';
import {
    copyFileSync,
    cpSync,
    existsSync,
    mkdirSync,
    mkdtempSync,
    readdirSync,
    readFileSync,
    statSync,
    writeFileSync
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mammoth from 'mammoth';
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { CHROMIUM, CODE_SERVER, closeWorkbench, openWorkbench, type Workbench } from './code-server.js';

// npm run test:e2e — the packaged extension in a real VS Code (code-server from npm), driven in Debian's chromium.
const ROOT = join(import.meta.dirname, '..', '..');
const VSIX = join(ROOT, 'thidua.vsix');
const ready = existsSync(CODE_SERVER) && existsSync(CHROMIUM) && existsSync(VSIX);
// Under CI a missing tool is a failure (.ci/run installs them), elsewhere the test is skipped.
const run = ready || process.env.CI === 'true' ? test : test.skip;

let workbench: Workbench | undefined;
let page: Page;
let ws: string;
let opened: string;
/** code-server's user data: the extension's storage is in it. */
let dataDir: string;
const SCRATCH = 'ban-nhap-003.thidua';
const port = 18200 + Math.floor(Math.random() * 500);

beforeAll(async () => {
    if (!ready) return;
    const dir = mkdtempSync(join(tmpdir(), 'thidua-vscode-'));
    ws = join(dir, 'ws');
    cpSync(join(ROOT, 'examples'), ws, { recursive: true });
    copyFileSync(join(ws, '003-chi-thi-huong-tra-2024.thidua'), join(ws, SCRATCH));
    // "Mở tệp" opens the file with the system's opener: a stub records what it was asked to open.
    const stubs = join(dir, 'stubs');
    mkdirSync(stubs, { recursive: true });
    opened = join(dir, 'opened.txt');
    dataDir = join(dir, 'data');
    writeFileSync(join(stubs, 'xdg-open'), `#!/bin/sh\nprintf '%s\\n' "$1" >> '${opened}'\n`, { mode: 0o755 });
    // VSCODE_CLI: the extension host keeps this PATH instead of the login shell's.
    workbench = await openWorkbench(dir, VSIX, ws, port, { VSCODE_CLI: '1', PATH: `${stubs}:${process.env.PATH}` });
    page = workbench.page;
    await page.waitForTimeout(4000);
}, 240_000);

afterAll(() => closeWorkbench(workbench));

/** Runs a command from the palette, choosing the entry whose label is exactly "Thi đua: <title>". */
async function command(title: string): Promise<void> {
    await page.keyboard.press('Escape');
    await page.keyboard.press('F1');
    await page.waitForSelector('.quick-input-widget', { state: 'visible' });
    await page.keyboard.type(title);
    const label = `Thi đua: ${title}`;
    const row = page
        .locator('.quick-input-list .monaco-list-row')
        .filter({ has: page.locator('.label-name', { hasText: new RegExp(`^${label}$`) }) });
    await row
        .first()
        .click({ timeout: 20_000 })
        .catch(async e => {
            const rows = await page
                .locator('.quick-input-list .monaco-list-row')
                .evaluateAll(els => els.map(x => `${x.getAttribute('aria-label')} | ${x.innerHTML.slice(0, 600)}`));
            throw new Error(`${String(e)}\n${rows.join('\n')}`);
        });
}

/** The preview's frame, found among the webview frames by its title class. */
async function previewFrame(): Promise<Frame | undefined> {
    for (const f of page.frames()) {
        const html = await f.content().catch(() => '');
        if (html.includes('class="ten-loai"')) return f;
    }
    return undefined;
}

/** The preview's page; '' until it is there. */
async function previewHtml(): Promise<string> {
    return (await (await previewFrame())?.content().catch(() => '')) ?? '';
}

/** Opens a file of the folder by Quick Open and waits until it is the active tab. */
async function openFile(name: string): Promise<void> {
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+P');
    await page.keyboard.type(name);
    await page.locator('.quick-input-list .monaco-list-row', { hasText: name }).first().click();
    await expect
        .poll(async () => page.locator(`.tabs-container .tab.active[data-resource-name="${name}"]`).count(), {
            timeout: 20_000
        })
        .toBe(1);
    await page.waitForTimeout(800);
}

/** The text of the modal dialog on screen, '' when there is none. */
async function dialogText(): Promise<string> {
    return page
        .locator('.monaco-dialog-box')
        .innerText({ timeout: 500 })
        .catch(() => '');
}

async function pressDialogButton(label: string): Promise<void> {
    await page.locator('.monaco-dialog-box .dialog-buttons .monaco-button', { hasText: label }).first().click();
}

/** Every notification shown since the page was loaded (toasts disappear; an observer keeps their texts). */
async function watchToasts(): Promise<void> {
    await page.evaluate(() => {
        const w = window as unknown as { __toasts: string[] };
        w.__toasts = [];
        new MutationObserver(() => {
            for (const t of Array.from(document.querySelectorAll('.notification-toast'))) {
                const text = (t as HTMLElement).innerText;
                if (!w.__toasts.includes(text)) w.__toasts.push(text);
            }
        }).observe(document.body, { childList: true, subtree: true });
    });
}
const toasts = () => page.evaluate(() => (window as unknown as { __toasts: string[] }).__toasts.join('\n---\n'));

/** The visible text of the editor (VS Code draws spaces as no-break spaces). */
async function editorText(): Promise<string> {
    return (await page.locator('.view-lines').first().innerText()).replace(/\u00a0/g, ' ');
}

async function reload(): Promise<void> {
    await page.reload();
    await page.waitForSelector('.monaco-workbench', { timeout: 90_000 });
    await page.waitForTimeout(4000);
    await watchToasts();
}

async function shot(name: string): Promise<void> {
    mkdirSync(join(ROOT, 'out'), { recursive: true });
    const file = join(ROOT, 'out', name);
    await page.screenshot({ path: file });
    console.log(`screenshot: ${file}`);
}

describe('the packaged extension in a real VS Code (code-server)', () => {
    run(
        'recognised, coloured, checked in Vietnamese without codes; completion, hover, export, import, preview',
        async () => {
            expect(ready, `missing: ${[CODE_SERVER, CHROMIUM, VSIX].filter(p => !existsSync(p)).join(', ')}`).toBe(
                true
            );
            await watchToasts();
            // Open the file through Quick Open once the explorer shows the folder.
            await page.waitForSelector('.explorer-folders-view .monaco-list-row', { timeout: 60_000 });
            await page
                .locator('.explorer-folders-view .monaco-list-row', { hasText: '003-chi-thi-huong-tra-2024.thidua' })
                .click();
            await page.waitForSelector('.view-lines', { timeout: 30_000 });
            await page.waitForTimeout(3000);

            // Recognised as thidua and coloured by the TextMate grammar and semantic tokens.
            await expect
                .poll(async () => page.locator('.statusbar').innerText(), { timeout: 30_000 })
                .toContain('Thi đua');
            const colours = await page
                .locator('.view-lines span[class^="mtk"]')
                .evaluateAll(els => new Set(els.map(e => e.className.split(' ')[0])).size);
            expect(colours).toBeGreaterThan(4);

            // Drafter's defaults: a serif font with Vietnamese marks, no boxes around typographic dashes ("–").
            const font = await page
                .locator('.view-lines')
                .first()
                .evaluate(e => getComputedStyle(e).fontFamily);
            expect(font).toContain('Times New Roman');
            expect(await page.locator('.view-lines span', { hasText: '–' }).count()).toBeGreaterThan(0);
            expect(await page.locator('.unicode-highlight, .unicode-highlight-ambiguous').count()).toBe(0);

            // The status bar: the document's kind, and its findings (a click opens Problems).
            await expect
                .poll(async () => page.locator('.statusbar').innerText(), { timeout: 30_000 })
                .toContain('Chỉ thị');
            const problems = page.locator('.statusbar-item', { hasText: /\d+ lỗi, \d+ cảnh báo/ }).first();
            await expect
                .poll(async () => problems.innerText().catch(() => ''), { timeout: 30_000 })
                .toMatch(/0 lỗi, 3 cảnh báo/);
            await problems.click();

            // Diagnostics of a file with a known mistake, in Vietnamese, in the Problems panel, without a rule code.
            await page
                .getByPlaceholder(/Filter/)
                .first()
                .fill('chỉ trì');
            await expect
                .poll(
                    async () =>
                        page
                            .locator('.markers-panel')
                            .innerText()
                            .catch(() => ''),
                    { timeout: 60_000 }
                )
                .toContain('"chỉ trì" viết sai chính tả; viết đúng là "chủ trì".');
            const markers = await page.locator('.markers-panel').innerText();
            expect(markers).not.toMatch(/sai-chinh-ta|\.json|src\//);
            // The server saved the folder's index in the extension's storage, for the next start.
            const saved = readdirSync(dataDir, { recursive: true, encoding: 'utf8' }).filter(f =>
                /globalStorage[\\/][^\\/]+[\\/]index[\\/][0-9a-f]+\.json$/.test(f)
            );
            expect(saved.length).toBe(1);

            // Hover on a citation shows the registry entry.
            await page.keyboard.press('Control+J');
            await page.waitForTimeout(500);
            const citation = page.locator('.view-lines span', { hasText: '34-CT/TW' }).first();
            await citation.scrollIntoViewIfNeeded();
            await expect
                .poll(
                    async () => {
                        await page.mouse.move(5, 5);
                        await citation.hover();
                        await page.waitForTimeout(1200);
                        return page
                            .locator('.monaco-hover-content')
                            .allInnerTexts()
                            .then(t => t.join('\n'));
                    },
                    { timeout: 30_000 }
                )
                .toContain('Cơ quan ban hành: Bộ Chính trị');
            await page.mouse.move(5, 5);

            // The export command writes a .docx that opens; "Mở tệp" hands it to the system's program.
            await command('Xuất ra Word');
            const docx = join(ws, '003-chi-thi-huong-tra-2024.docx');
            const other = join(ws, '004-tin-bai-cho-don-2022.docx');
            await expect.poll(() => existsSync(docx), { timeout: 30_000 }).toBe(true);
            const text = (await mammoth.extractRawText({ buffer: readFileSync(docx) })).value;
            expect(text).toContain('CHỈ THỊ');
            expect(text).toContain('Nguyễn Duy Hùng');
            expect(existsSync(other), 'only the open document is exported').toBe(false);
            await expect
                .poll(
                    async () =>
                        page
                            .locator('.notifications-toasts')
                            .innerText()
                            .catch(() => ''),
                    { timeout: 10_000 }
                )
                .toContain('Đã xuất: 003-chi-thi-huong-tra-2024.docx');
            await expect
                .poll(async () => page.locator('.statusbar').innerText(), { timeout: 10_000 })
                .toContain('Đã xuất 003-chi-thi-huong-tra-2024.docx');
            await page.locator('.notifications-toasts .monaco-button', { hasText: 'Mở tệp' }).first().click();
            await expect
                .poll(() => (existsSync(opened) ? readFileSync(opened, 'utf8') : ''), { timeout: 10_000 })
                .toContain(docx);

            // "Nhập văn bản Word…" from the Explorer's context menu turns a .docx into a .thidua and opens it.
            copyFileSync(docx, join(ws, 'nhap-thu.docx'));
            const row = page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'nhap-thu.docx' });
            await row.waitFor({ timeout: 30_000 });
            await row.click({ button: 'right' });
            const item = page.locator('.monaco-menu .action-item', { hasText: 'Nhập văn bản Word…' });
            await item.hover();
            await item.press('Enter');
            const imported = join(ws, 'nhap-thu.thidua');
            await expect.poll(() => existsSync(imported), { timeout: 30_000 }).toBe(true);
            expect(readFileSync(imported, 'utf8')).toContain('CHỈ THỊ');
            await expect
                .poll(
                    async () =>
                        page
                            .locator('.notifications-toasts')
                            .innerText()
                            .catch(() => ''),
                    { timeout: 10_000 }
                )
                .toContain('Đã nhập:');
            // Typing goes into a copy, never saved: the other tests read the examples as they are.
            await openFile(SCRATCH);

            // The preview opens beside the editor and shows the document.
            await command('Xem trước văn bản');
            await expect.poll(previewHtml, { timeout: 30_000 }).toContain('<p class="ten-loai">CHỈ THỊ</p>');
            await page.waitForTimeout(1000);

            // The preview follows the typing: a word added to the trích yếu (line 8) appears on the page.
            await page.locator('.view-lines').first().click();
            await page.keyboard.press('Control+G');
            await page.keyboard.type('8');
            await page.keyboard.press('Enter');
            await page.keyboard.press('End');
            await page.keyboard.type(' (bản thử)');
            await expect.poll(previewHtml, { timeout: 20_000 }).toContain('(bản thử)');

            // Completion offers "chỉ tiêu" for "chi tieu".
            await page.locator('.view-lines').first().click();
            await page.keyboard.press('Control+End');
            await page.keyboard.press('Enter');
            await page.keyboard.press('Enter');
            await page.keyboard.type('chi tieu');
            await page.keyboard.press('Control+Space');
            await expect
                .poll(
                    async () =>
                        page
                            .locator('.suggest-widget')
                            .innerText()
                            .catch(() => ''),
                    { timeout: 20_000 }
                )
                .toContain('chỉ tiêu');
            await page.keyboard.press('Escape');

            // Prose after the signature does not parse: the preview says so above the page instead of silently dropping
            // it.
            await expect
                .poll(previewHtml, { timeout: 20_000 })
                .toMatch(
                    /<p class="notice" role="alert"[^>]*>Văn bản còn lỗi cú pháp ở dòng \d+: bản xem trước có thể thiếu chữ/
                );

            // Nothing failed in front of the drafter.
            expect(await toasts()).not.toMatch(/failed|Request|Error/i);
        },
        300_000
    );

    run(
        'the preview fits its pane, zooms, marks findings, goes to the source, follows the editor, comes back after a reload',
        async () => {
            await openFile('003-chi-thi-huong-tra-2024.thidua');
            await command('Xem trước văn bản');
            await expect.poll(previewHtml, { timeout: 30_000 }).toContain('class="ten-loai"');
            const frame = (await previewFrame())!;
            // The whole A4 page is in the pane, in its proportions.
            await expect
                .poll(
                    () =>
                        frame.evaluate(() => {
                            const r = document.querySelector('.page')!.getBoundingClientRect();
                            return r.left >= 0 && r.right <= window.innerWidth + 1;
                        }),
                    { timeout: 10_000 }
                )
                .toBe(true);
            const ratio = await frame.evaluate(() => {
                const r = document.querySelector('.page')!.getBoundingClientRect();
                return r.height / r.width;
            });
            expect(ratio).toBeGreaterThanOrEqual(297 / 210 - 0.01);
            const zoom = () => frame.evaluate(() => Number(document.body.dataset.zoom));
            const fit = await zoom();
            await frame.locator('button[data-zoom="+"]').click();
            await expect.poll(zoom).toBeGreaterThan(fit);
            await frame.locator('button[data-zoom="fit"]').click();
            await expect.poll(zoom).toBe(fit);
            // The findings are marked on the page; a click on one goes to its line in the editor.
            const mark = frame.locator('.danh-dau', { hasText: 'chỉ trì' }).first();
            await expect(mark.count()).resolves.toBeGreaterThan(0);
            expect(await mark.getAttribute('title')).toContain('chủ trì');
            const line = Number(await mark.getAttribute('data-line'));
            await mark.click();
            await expect
                .poll(async () => page.locator('.statusbar').innerText(), { timeout: 10_000 })
                .toContain(`Ln ${line + 1},`);
            await shot('vscode-editor-preview.png');
            // The preview follows the editor's scrolling.
            await page.locator('.view-lines').first().click();
            await page.keyboard.press('Control+End');
            await expect.poll(() => frame.evaluate(() => window.scrollY), { timeout: 10_000 }).toBeGreaterThan(200);
            await page.keyboard.press('Control+Home');
            await expect.poll(() => frame.evaluate(() => window.scrollY), { timeout: 10_000 }).toBeLessThan(200);
            // A reload brings the preview back with its document (VS Code in a browser saves the page's state from time
            // to time: this soon after the preview opened, the preview finds its document in the editor).
            await reload();
            await expect.poll(previewHtml, { timeout: 60_000 }).toContain('<p class="ten-loai">CHỈ THỊ</p>');
            await shot('vscode-preview-after-reload.png');
        },
        300_000
    );

    run(
        'export: a Báo cáo equals `thidua export` of the folder; with errors it asks; a Word file thidua did not write is not replaced',
        async () => {
            // The Báo cáo reads its plan's targets from the folder, as the CLI does.
            await openFile('bao-cao-tong-ket-2023-ha-lang.thidua');
            await command('Xuất ra Word');
            const report = join(ws, 'bao-cao-tong-ket-2023-ha-lang.docx');
            await expect.poll(() => existsSync(report), { timeout: 30_000 }).toBe(true);
            const out = mkdtempSync(join(tmpdir(), 'thidua-vscode-cli-'));
            // The folder as on disk, without the scratch copy the other tests type into (the web editor saves it by
            // itself).
            const folder = join(out, 'ws');
            cpSync(ws, folder, { recursive: true, filter: f => !f.endsWith(SCRATCH) });
            const cli = spawnSync(process.execPath, [join(ROOT, 'bin', 'thidua.cjs'), 'export', folder, '--out', out], {
                encoding: 'utf8'
            });
            expect(cli.status, cli.stderr).toBe(0);
            const fromEditor = (await mammoth.extractRawText({ buffer: readFileSync(report) })).value;
            const fromCli = (
                await mammoth.extractRawText({ buffer: readFileSync(join(out, 'bao-cao-tong-ket-2023-ha-lang.docx')) })
            ).value;
            expect(fromEditor).toBe(fromCli);
            expect(fromEditor).not.toContain('0/19');

            // "Xuất ra PDF" beside it: LibreOffice renders the same Word file, the status bar says when it is done.
            await openFile('002-ke-hoach-tam-duong-20-nam.thidua');
            await command('Xuất ra PDF');
            const pdf = join(ws, '002-ke-hoach-tam-duong-20-nam.pdf');
            await expect.poll(() => existsSync(pdf), { timeout: 60_000 }).toBe(true);
            expect(readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
            expect(spawnSync('pdfinfo', [pdf], { encoding: 'utf8' }).stdout).toContain('(A4)');
            await expect
                .poll(async () => page.locator('.statusbar').innerText(), { timeout: 20_000 })
                .toContain('Đã xuất 002-ke-hoach-tam-duong-20-nam.pdf');

            // A document with an error: the drafter is asked first.
            await openFile('000-chi-thi-ha-lang-2023.thidua');
            await command('Xuất ra Word');
            await expect.poll(dialogText, { timeout: 20_000 }).toContain('Văn bản còn 1 lỗi. Vẫn xuất?');
            await shot('vscode-export-errors.png');
            await pressDialogButton('Vẫn xuất');
            await expect
                .poll(() => existsSync(join(ws, '000-chi-thi-ha-lang-2023.docx')), { timeout: 30_000 })
                .toBe(true);

            // A .docx of the same name that thidua did not write: asked, and kept when the drafter cancels.
            const foreign = join(ws, '001-ke-hoach-chu-de-nam-2023.docx');
            writeFileSync(foreign, 'bản của phòng, không phải thidua viết');
            await openFile('001-ke-hoach-chu-de-nam-2023.thidua');
            await command('Xuất ra Word');
            await expect.poll(dialogText, { timeout: 20_000 }).toContain('không do thidua viết');
            await pressDialogButton('Cancel');
            await page.waitForTimeout(1000);
            expect(readFileSync(foreign, 'utf8')).toBe('bản của phòng, không phải thidua viết');
            await command('Xuất ra Word');
            await expect.poll(dialogText, { timeout: 20_000 }).toContain('không do thidua viết');
            await pressDialogButton('Ghi đè');
            await expect.poll(() => statSync(foreign).size, { timeout: 30_000 }).toBeGreaterThan(1000);
            // The Word file it wrote carries its mark: exporting again replaces it without asking.
            const written = statSync(foreign).mtimeMs;
            await page.waitForTimeout(50);
            await command('Xuất ra Word');
            await expect.poll(() => statSync(foreign).mtimeMs, { timeout: 20_000 }).toBeGreaterThan(written);
            expect(await dialogText()).toBe('');
        },
        300_000
    );

    run(
        'completion and templates fit the editor; an unsaved document keeps its language after a reload',
        async () => {
            // A citation accepted after "[" (auto-closed to "[]") leaves one "]".
            await openFile(SCRATCH);
            await page.locator('.view-lines').first().click();
            await page.keyboard.press('Control+End');
            await page.keyboard.press('Enter');
            await page.keyboard.type('Thực hiện [');
            await page.keyboard.type('chi thi');
            await page.keyboard.press('Control+Space');
            await expect
                .poll(
                    async () =>
                        page
                            .locator('.suggest-widget')
                            .innerText()
                            .catch(() => ''),
                    { timeout: 20_000 }
                )
                .toContain('34-CT/TW');
            await page.keyboard.press('Enter');
            await page.waitForTimeout(500);
            const lineText = (await page.locator('.view-line', { hasText: 'Thực hiện [' }).first().innerText()).replace(
                /\u00a0/g,
                ' '
            );
            expect(lineText).toContain('34-CT/TW');
            expect(lineText).not.toContain(']]');

            // The outline reads as the document's parts, in Vietnamese, without programmers' kinds.
            await page.keyboard.press('F1');
            await page.keyboard.type('Explorer: Focus on Outline View');
            await page.keyboard.press('Enter');
            const outline = page.locator('.outline-pane .monaco-list-row');
            await expect
                .poll(async () => outline.allInnerTexts().then(t => t.join('\n')), { timeout: 20_000 })
                .toContain('mục');
            const labels = await outline.evaluateAll(rows =>
                rows.map(r => `${r.getAttribute('aria-label')} ${(r as HTMLElement).innerText}`).join('\n')
            );
            expect(labels).not.toMatch(/namespace|constructor|class\b|module/i);
            await shot('vscode-outline.png');
            await page.locator('.view-lines').first().click();

            // The template's first tab stop is the province's name only: "TỈNH" stays.
            await command('Tạo văn bản mới từ mẫu: Kế hoạch');
            await expect.poll(editorText, { timeout: 20_000 }).toContain('KẾ HOẠCH');
            await page.keyboard.type('LAI CHÂU');
            await expect.poll(editorText, { timeout: 10_000 }).toContain('ỦY BAN NHÂN DÂN TỈNH LAI CHÂU');
            await expect
                .poll(async () => page.locator('.statusbar').innerText(), { timeout: 30_000 })
                .toContain('Thi đua');
            // After a reload the unsaved document is still a thidua document (its backup is written after a moment).
            await page.waitForTimeout(4000);
            await reload();
            const untitled = page.locator('.tabs-container .tab', { hasText: 'Untitled' }).first();
            await untitled.waitFor({ timeout: 30_000 });
            await untitled.click();
            await expect
                .poll(async () => page.locator('.statusbar').innerText(), { timeout: 60_000 })
                .toContain('Thi đua');
            await expect
                .poll(async () => page.locator('.statusbar').innerText(), { timeout: 30_000 })
                .toContain('Kế hoạch');
            await shot('vscode-template-status.png');
            expect(await toasts()).not.toMatch(/failed|Request|Error/i);
        },
        300_000
    );
});
