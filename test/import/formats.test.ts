import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parse } from '../helpers.js';
import { REAL } from '../corpus/measure.js';

const BIN = join(import.meta.dirname, '..', '..', 'bin', 'thidua.cjs');
const run = (args: string[], env: NodeJS.ProcessEnv = process.env) =>
    spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env, timeout: 120_000 });

describe('import from old Word files and PDF', () => {
    test('a .doc is converted by LibreOffice and imported into a file that parses', async () => {
        const dir = mkdtempSync(join(tmpdir(), 'thidua-doc-'));
        const doc = readdirSync(REAL).find(f => f.endsWith('.doc'))!;
        copyFileSync(join(REAL, doc), join(dir, doc));
        const r = run(['import', join(dir, doc)]);
        expect(r.status, r.stderr).toBe(0);
        const out = readFileSync(join(dir, doc.replace(/\.doc$/, '.thidua')), 'utf8');
        const parsed = await parse(out);
        expect(parsed.parseResult.parserErrors).toEqual([]);
        expect(out.length).toBeGreaterThan(500);
    }, 120_000);

    test('without LibreOffice a .doc gets a Vietnamese message saying how, and nothing is written', () => {
        const dir = mkdtempSync(join(tmpdir(), 'thidua-doc-'));
        const doc = readdirSync(REAL).find(f => f.endsWith('.doc'))!;
        copyFileSync(join(REAL, doc), join(dir, doc));
        const r = run(['import', join(dir, doc)], { ...process.env, PATH: '/nonexistent' });
        expect(r.status).toBe(2);
        expect(r.stderr).toContain('cần LibreOffice để chuyển đổi');
        expect(r.stderr).toContain('libreoffice-writer');
        expect(readdirSync(dir)).toEqual([doc]);
    });

    test('a PDF with a text layer is read through pdftotext; without poppler the message says how', async () => {
        const dir = mkdtempSync(join(tmpdir(), 'thidua-pdf-'));
        const example = join(import.meta.dirname, '..', '..', 'examples', 'ke-hoach-thi-dua-cham-diem-2025.thidua');
        expect(run(['export', example, '--out', dir]).status).toBe(0);
        const lo = spawnSync(
            'soffice',
            [
                `-env:UserInstallation=file://${dir}/profile`,
                '--headless',
                '--convert-to',
                'pdf',
                '--outdir',
                dir,
                join(dir, 'ke-hoach-thi-dua-cham-diem-2025.docx')
            ],
            { env: { ...process.env, HOME: dir }, timeout: 120_000 }
        );
        expect(lo.status).toBe(0);
        const pdf = join(dir, 'ke-hoach-thi-dua-cham-diem-2025.pdf');
        const none = run(['import', pdf, '--out', join(dir, 'x')], { ...process.env, PATH: '/nonexistent' });
        expect(none.status).toBe(2);
        expect(none.stderr).toContain('poppler-utils');
        const r = run(['import', pdf, '--out', join(dir, 'nhap')]);
        expect(r.status, r.stderr).toBe(0);
        const out = readFileSync(join(dir, 'nhap', 'ke-hoach-thi-dua-cham-diem-2025.thidua'), 'utf8');
        expect((await parse(out)).parseResult.parserErrors).toEqual([]);
        expect(out).toContain('Chung sức xây dựng nông thôn mới');
    }, 180_000);
});
