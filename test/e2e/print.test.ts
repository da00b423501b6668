// The HTML page printed by a browser ("Lưu thành PDF") gives the official page: A4, the margins of NĐ 30.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, test } from 'vitest';
import { generateHtml } from '../../src/generate/html.js';
import { EXAMPLES_DIR, parse } from '../helpers.js';
import { hasChromium, launchChromium } from '../chromium.js';

const has = hasChromium() && spawnSync('sh', ['-c', 'command -v pdftotext']).status === 0;
const run = has || process.env.CI === 'true' ? test : test.skip;
const MM = 72 / 25.4;

describe('the HTML export printed by a browser', () => {
    run(
        'A4 pages whose text sits inside the NĐ 30 margins (20/20/30/15 mm)',
        async () => {
            const text = readFileSync(join(EXAMPLES_DIR, 'ke-hoach-thi-dua-cham-diem-2025.thidua'), 'utf8');
            const doc = await parse(text);
            const dir = mkdtempSync(join(tmpdir(), 'thidua-print-'));
            const html = join(dir, 'van-ban.html'),
                pdf = join(dir, 'van-ban.pdf');
            writeFileSync(html, generateHtml(doc.parseResult.value, { notice: 'Không in dòng này' }));
            const browser = await launchChromium();
            try {
                const page = await browser.newPage();
                await page.goto(pathToFileURL(html).toString());
                await page.emulateMedia({ media: 'print' });
                writeFileSync(pdf, await page.pdf({ preferCSSPageSize: true, printBackground: false }));
            } finally {
                await browser.close();
            }
            const info = spawnSync('pdfinfo', [pdf], { encoding: 'utf8' }).stdout;
            expect(info).toMatch(/Page size:\s+59[45]\.\d+ x 841\.\d+ pts \(A4\)/);
            const bbox = spawnSync('pdftotext', ['-bbox', pdf, '-'], { encoding: 'utf8' }).stdout;
            const words = [
                ...bbox.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</g)
            ].map(m => ({ x0: Number(m[1]), y0: Number(m[2]), x1: Number(m[3]), y1: Number(m[4]), text: m[5] }));
            expect(words.length).toBeGreaterThan(200);
            expect(words.map(w => w.text).join(' ')).not.toContain('Không in dòng này');
            expect(Math.min(...words.map(w => w.x0)) / MM).toBeGreaterThanOrEqual(29.5);
            expect(Math.min(...words.map(w => w.x0)) / MM).toBeLessThan(31.5);
            expect(Math.max(...words.map(w => w.x1)) / MM).toBeLessThanOrEqual(210 - 15 + 0.5);
            expect(Math.min(...words.map(w => w.y0)) / MM).toBeGreaterThanOrEqual(19.5);
            expect(Math.max(...words.map(w => w.y1)) / MM).toBeLessThanOrEqual(297 - 20 + 0.5);
        },
        60_000
    );
});
