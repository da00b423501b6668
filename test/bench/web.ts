// The drafting page's figures: its size, and in Chromium its first findings after a cold load and a keystroke's
// squiggle on a 300-line document.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { serveWeb } from '../../src/cli/web.js';
import { generateDocument } from './generate.js';
import { record } from './measure.js';

const WEB = join(import.meta.dirname, '..', '..', 'dist', 'web');

interface PageApi {
    thidua: {
        editor: { getModel(): { getLineCount(): number; getLineMaxColumn(n: number): number } | null } & {
            executeEdits(source: string, edits: unknown[]): void;
        };
        markers(): string[];
        firstMarkersAt(): number | undefined;
        nextMarkers(): Promise<void>;
    };
}

export async function webFigures(): Promise<void> {
    const files = readdirSync(WEB).filter(f => !f.endsWith('.LEGAL.txt'));
    const total = files.reduce((n, f) => n + statSync(join(WEB, f)).size, 0);
    const compressed = files.reduce((n, f) => n + gzipSync(readFileSync(join(WEB, f)), { level: 9 }).length, 0);
    record('W. page size, all files', [total / 1024 / 1024], 'MB', { max: 10, label: '≤ 10 MB', on: 'median' });
    record('W. first load, gzip-compressed', [compressed / 1024 / 1024], 'MB', {
        max: 4,
        label: '≤ 4 MB',
        on: 'median'
    });

    const server = await serveWeb(WEB, 0);
    const address = server.address();
    const origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    const browser = await chromium.launch({
        executablePath: '/usr/bin/chromium',
        args: ['--headless', '--no-sandbox', '--disable-gpu']
    });
    const text = generateDocument(300, 11);
    const firsts: number[] = [];
    const keystrokes: number[] = [];
    try {
        for (let run = 0; run < 5; run++) {
            // A cold load: a new profile (no cache), the 300-line document already in the page's storage.
            const context = await browser.newContext({ viewport: { width: 1400, height: 850 } });
            await context.addInitScript(t => {
                if (!localStorage.getItem('thidua.documents')) {
                    localStorage.setItem('thidua.documents', JSON.stringify({ 'ke-hoach.thidua': t }));
                    localStorage.setItem('thidua.current', 'ke-hoach.thidua');
                }
            }, text);
            const page = await context.newPage();
            await page.goto(origin + '/');
            await page.waitForFunction(() => (window as unknown as PageApi).thidua?.firstMarkersAt() !== undefined);
            firsts.push((await page.evaluate(() => (window as unknown as PageApi).thidua.firstMarkersAt()))! / 1000);
            if (run === 0) {
                // Keystroke → squiggle: an "x" typed at the end of a line and taken away again, 40 times after 5.
                for (let k = 0; k < 45; k++) {
                    const ms = await page.evaluate(async k => {
                        const { thidua } = window as unknown as PageApi;
                        const model = thidua.editor.getModel()!;
                        const line = 40;
                        const end = model.getLineMaxColumn(line);
                        const range =
                            k % 2 === 0
                                ? { startLineNumber: line, startColumn: end, endLineNumber: line, endColumn: end }
                                : { startLineNumber: line, startColumn: end - 1, endLineNumber: line, endColumn: end };
                        const next = thidua.nextMarkers();
                        const t0 = performance.now();
                        thidua.editor.executeEdits('bench', [{ range, text: k % 2 === 0 ? 'x' : '' }]);
                        await next;
                        return performance.now() - t0;
                    }, k);
                    if (k >= 5) keystrokes.push(ms);
                }
            }
            await context.close();
        }
    } finally {
        await browser.close();
        server.close();
    }
    record('W. cold load → first findings, 300-line document', firsts, 's', {
        max: 3,
        label: '≤ 3 s',
        on: 'median'
    });
    record('W. keystroke → squiggle, 300-line document', keystrokes, 'ms', { max: 100, label: 'p95 ≤ 100 ms' });
}
