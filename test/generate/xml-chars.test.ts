import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import mammoth from 'mammoth';
import { describe, expect, test } from 'vitest';
import { render } from '../../src/generate/render.js';
import type { Model } from '../../src/language/generated/ast.js';
import { check, one } from '../checks/check-helpers.js';
import { parse } from '../helpers.js';

// Characters XML 1.0 forbids (a bell, U+FFFF, an escape) in the text of a document.
const TEXT = 'KẾ HOẠCH\nVề việc thi đua năm 2025\n\nPhong trào\u0007 thi đua\uFFFF sôi nổi\u001B khắp nơi.\n';

describe('characters a Word file cannot hold', () => {
    test('check warns once, with one fix that removes them all', async () => {
        const checked = await check(TEXT, {});
        const d = one(checked, 'ky-tu-khong-hop-le');
        expect(d.message).toMatch(/^Văn bản có 3 ký tự không in được \(như U\+0007\) mà tệp Word không chứa được/);
        expect((await checked.fix(d))['doc.thidua']).toBe(TEXT.replace(/[\u0007\uFFFF\u001B]/g, ''));
    });

    test('the exported .docx leaves them out and opens (mammoth reads it; LibreOffice converts it)', async () => {
        const doc = await parse(TEXT);
        const bytes = (await render(doc.parseResult.value as Model, 'docx')) as Uint8Array;
        const xml = await (await JSZip.loadAsync(bytes)).file('word/document.xml')!.async('string');
        expect(xml).not.toMatch(/[\u0007\uFFFF\u001B]/);
        expect((await mammoth.extractRawText({ buffer: Buffer.from(bytes) })).value).toContain(
            'Phong trào thi đua sôi nổi khắp nơi.'
        );
        if (spawnSync('sh', ['-c', 'command -v soffice']).status !== 0) return;
        const dir = mkdtempSync(join(tmpdir(), 'thidua-xml-'));
        try {
            writeFileSync(join(dir, 'x.docx'), bytes);
            spawnSync(
                'soffice',
                [
                    `-env:UserInstallation=file://${dir}/profile`,
                    '--headless',
                    '--convert-to',
                    'txt:Text',
                    '--outdir',
                    dir,
                    join(dir, 'x.docx')
                ],
                { env: { ...process.env, HOME: dir }, timeout: 120_000 }
            );
            expect(existsSync(join(dir, 'x.txt'))).toBe(true);
        } finally {
            rmSync(dir, { recursive: true, force: true });
        }
    }, 150_000);
});
