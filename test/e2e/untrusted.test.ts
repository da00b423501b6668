import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, test } from 'vitest';
import { generateHtml } from '../../src/generate/html.js';
import { KE_HOACH, edit } from '../checks/check-helpers.js';
import { parse } from '../helpers.js';
import { hasChromium, launchChromium } from '../chromium.js';

const has = hasChromium();
// Under CI a missing browser is a failure, not a skip (.ci/run installs Debian's chromium).
const run = has || process.env.CI === 'true' ? test : test.skip;

const HOSTILE = [
    '<script>window.__pwned = "script"</script>',
    '<img src="http://127.0.0.1:9/x.png" onerror="window.__pwned = \'img\'">',
    '<a href="javascript:window.__pwned=\'link\'">bấm</a>',
    '&lt;script&gt;alert(1)&lt;/script&gt; &#60;b&#62;',
    '</style><style>body { background: url(http://127.0.0.1:9/css) }</style>',
    '<iframe src="http://127.0.0.1:9/"></iframe><link rel="stylesheet" href="http://127.0.0.1:9/s.css">',
    '"><svg onload="window.__pwned=\'svg\'">'
].join(' ');

describe('untrusted document text in the HTML export, loaded in headless Chromium', () => {
    run(
        'no script runs, no request leaves the page, the text shows as text',
        async () => {
            expect(has, 'chromium is not installed (apt-get install chromium)').toBe(true);
            const doc = await parse(
                edit(KE_HOACH, 'Phong trào thi đua thiết thực', `${HOSTILE} Phong trào thi đua thiết thực`)
            );
            const dir = mkdtempSync(join(tmpdir(), 'thidua-untrusted-'));
            const file = join(dir, 'van-ban.html');
            writeFileSync(file, generateHtml(doc.parseResult.value));
            const browser = await launchChromium();
            try {
                const page = await browser.newPage();
                const requests: string[] = [];
                page.on('request', r => {
                    if (r.url() !== pathToFileURL(file).toString()) requests.push(r.url());
                });
                const dialogs: string[] = [];
                page.on('dialog', d => {
                    dialogs.push(d.message());
                    void d.dismiss();
                });
                await page.goto(pathToFileURL(file).toString());
                await page.waitForTimeout(300);
                expect(await page.evaluate('window.__pwned')).toBeUndefined();
                expect(requests).toEqual([]);
                expect(dialogs).toEqual([]);
                expect(await page.locator('script, img, iframe, a, svg, link').count()).toBe(0);
                const shown = await page.locator('.body').innerText();
                expect(shown).toContain('<script>window.__pwned = "script"</script>');
                expect(shown).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &#60;b&#62;');
                const background = await page.evaluate('getComputedStyle(document.body).backgroundImage');
                expect(background).toBe('none');
            } finally {
                await browser.close();
            }
        },
        60_000
    );
});

describe('paths: the output file is named from the source file only', () => {
    test('a source whose name tries to climb out still writes inside the output folder', async () => {
        const dir = mkdtempSync(join(tmpdir(), 'thidua-traversal-'));
        const name = '..%2F..%2Fthoat ..\\..\\ra-ngoai.thidua';
        writeFileSync(join(dir, name), KE_HOACH);
        const bin = join(import.meta.dirname, '..', '..', 'bin', 'thidua.cjs');
        const r = spawnSync(process.execPath, [bin, 'export', name, '--format', 'txt', '--out', 'ra'], {
            cwd: dir,
            encoding: 'utf8'
        });
        expect(r.status).toBe(0);
        expect(r.stdout).toBe(`Đã xuất: ra/..%2F..%2Fthoat ..\\..\\ra-ngoai.txt\n`);
    });
});
