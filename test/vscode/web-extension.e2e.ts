// The extension's browser entry in VS Code for the Web: code-server's web client runs an extension that has no
// Node entry in a Web Worker extension host; its language server runs in a worker of its own.
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { CHROMIUM, CODE_SERVER, closeWorkbench, openWorkbench, type Workbench } from './code-server.js';

const ROOT = join(import.meta.dirname, '..', '..');
const ready = existsSync(CODE_SERVER) && existsSync(CHROMIUM) && existsSync(join(ROOT, 'dist', 'web-server.js'));
const run = ready || process.env.CI === 'true' ? test : test.skip;

const console_: string[] = [];
let workbench: Workbench | undefined;
let page: Page;
const port = 18800 + Math.floor(Math.random() * 500);

/** The extension as VS Code for the Web installs it: its browser entry only. */
function webOnlyVsix(dir: string): string {
    const pkg = join(dir, 'pkg');
    mkdirSync(join(pkg, 'dist'), { recursive: true });
    const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as Record<string, unknown>;
    delete manifest.main;
    delete manifest.scripts;
    writeFileSync(join(pkg, 'package.json'), JSON.stringify(manifest, null, 2));
    for (const f of ['package.nls.json', 'LICENSE'])
        if (existsSync(join(ROOT, f))) copyFileSync(join(ROOT, f), join(pkg, f));
    copyFileSync(join(ROOT, 'src', 'extension', 'README.md'), join(pkg, 'README.md'));
    for (const d of ['language', 'syntaxes']) cpSync(join(ROOT, d), join(pkg, d), { recursive: true });
    for (const f of ['extension-web.js', 'web-server.js']) copyFileSync(join(ROOT, 'dist', f), join(pkg, 'dist', f));
    const vsix = join(dir, 'thidua-web.vsix');
    const made = spawnSync(
        process.execPath,
        [
            join(ROOT, 'node_modules', '@vscode', 'vsce', 'vsce'),
            'package',
            '--no-dependencies',
            '--allow-missing-repository',
            '--skip-license',
            '-o',
            vsix
        ],
        { cwd: pkg, encoding: 'utf8', timeout: 120_000 }
    );
    if (made.status !== 0) throw new Error(made.stderr + made.stdout);
    return vsix;
}

beforeAll(async () => {
    if (!ready) return;
    const dir = mkdtempSync(join(tmpdir(), 'thidua-vscode-web-'));
    const ws = join(dir, 'ws');
    cpSync(join(ROOT, 'examples'), ws, { recursive: true });
    workbench = await openWorkbench(dir, webOnlyVsix(dir), ws, port);
    page = workbench.page;
    page.on('console', m => console_.push(`${m.type()}: ${m.text()}`));
    page.on('worker', w => console_.push(`worker: ${w.url().slice(0, 120)}`));
    await page.waitForTimeout(3000);
}, 240_000);

afterAll(async () => {
    writeFileSync(join(ROOT, 'out', 'vscode-web-console.txt'), console_.join('\n'));
    await closeWorkbench(workbench);
});

run(
    'a document opened in VS Code for the Web gets its findings from the server in a worker',
    async () => {
        await page.keyboard.press('Control+P');
        await page.keyboard.type('003-chi-thi-huong-tra-2024.thidua');
        await page.locator('.quick-input-list .monaco-list-row', { hasText: '003-chi-thi' }).first().click();
        await expect
            .poll(
                async () => page.locator('.monaco-editor .squiggly-warning, .monaco-editor .squiggly-error').count(),
                {
                    timeout: 60_000
                }
            )
            .toBeGreaterThan(0);
        await page.screenshot({ path: join(ROOT, 'out', 'vscode-web-extension.png') });
        // A desktop command says in Vietnamese what the web extension does and where the rest is.
        await page.keyboard.press('F1');
        await page.keyboard.type('Thi đua: Xem trước văn bản');
        await page.waitForTimeout(800);
        await page.keyboard.press('Enter');
        await expect
            .poll(async () => page.locator('.notification-toast').allInnerTexts(), { timeout: 20_000 })
            .toContainEqual(expect.stringContaining('Trên VS Code cho web, tiện ích Thi đua kiểm tra'));
        // The extension ran in the browser: VS Code lists it as running in the web worker.
        await page.keyboard.press('F1');
        await page.keyboard.type('Show Running Extensions');
        await page.waitForTimeout(1000);
        await page.keyboard.press('Enter');
        const row = page.locator('.monaco-list-row', { hasText: 'Thi đua — soạn văn bản phát động thi đua' }).first();
        await expect.poll(async () => row.innerText().catch(() => ''), { timeout: 20_000 }).toContain('web worker');
        await page.screenshot({ path: join(ROOT, 'out', 'vscode-web-extension-running.png') });
    },
    180_000
);
