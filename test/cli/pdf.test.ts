// `thidua export --format pdf`: the Word rendering through LibreOffice, read back with poppler.
import { spawnSync } from 'node:child_process';
import {
    chmodSync,
    cpSync,
    existsSync,
    mkdirSync,
    mkdtempSync,
    readdirSync,
    readFileSync,
    symlinkSync,
    writeFileSync
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { EXAMPLES_DIR } from '../helpers.js';

const ROOT = join(import.meta.dirname, '..', '..');
const tools = ['soffice', 'pdftotext', 'pdffonts', 'pdfinfo'];
const missing = tools.filter(t => spawnSync('sh', ['-c', `command -v ${t}`]).status !== 0);
// Under CI a missing tool is a failure, not a skip (.ci/run installs libreoffice-writer and poppler-utils).
const run = missing.length === 0 || process.env.CI === 'true' ? test : test.skip;

const thidua = (args: string[], env: NodeJS.ProcessEnv = process.env) => {
    const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'thidua.cjs'), ...args], {
        encoding: 'utf8',
        env,
        timeout: 300_000
    });
    return { code: r.status, out: r.stdout, err: r.stderr };
};
const sh = (cmd: string, args: string[]) => spawnSync(cmd, args, { encoding: 'utf8', timeout: 120_000 }).stdout;
const info = (pdf: string) =>
    Object.fromEntries(
        sh('pdfinfo', ['-enc', 'UTF-8', pdf])
            .split('\n')
            .map(l => /^([^:]+):\s*(.*)$/.exec(l))
            .filter((m): m is RegExpExecArray => !!m)
            .map(m => [m[1], m[2].trim()])
    );
const words = (s: string) =>
    s
        .normalize('NFC')
        .split(/[^\p{L}\p{N}]+/u)
        .filter(Boolean);

let dir: string;
beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'thidua-pdf-'));
    cpSync(EXAMPLES_DIR, join(dir, 'vb'), { recursive: true });
});

describe('thidua export --format pdf', () => {
    run(
        "every example: A4 PDF/A-2b, the Word rendering's pages, every word in order, only the embedded serif, its properties",
        () => {
            expect(missing, `missing tools: ${missing.join(', ')}`).toEqual([]);
            const r = thidua(['export', join(dir, 'vb'), '--format', 'pdf', '--out', join(dir, 'pdf')]);
            expect(r.code, r.err).toBe(0);
            expect(thidua(['export', join(dir, 'vb'), '--format', 'txt', '--out', join(dir, 'txt')]).code).toBe(0);
            expect(thidua(['export', join(dir, 'vb'), '--format', 'docx', '--out', join(dir, 'docx')]).code).toBe(0);
            const pdfs = readdirSync(join(dir, 'pdf'));
            expect(pdfs.length).toBe(readdirSync(join(dir, 'txt')).length);
            expect(pdfs.length).toBeGreaterThan(8);
            // The Word files rendered on their own, for the page counts.
            spawnSync(
                'soffice',
                [
                    `-env:UserInstallation=file://${dir}/profile`,
                    '--headless',
                    '--convert-to',
                    'pdf',
                    '--outdir',
                    join(dir, 'ref'),
                    ...readdirSync(join(dir, 'docx')).map(f => join(dir, 'docx', f))
                ],
                { timeout: 300_000 }
            );
            for (const name of pdfs) {
                const pdf = join(dir, 'pdf', name),
                    base = name.replace(/\.pdf$/, '');
                const i = info(pdf);
                expect(i['Page size'], name).toMatch(/^595\.\d+ x 841\.\d+ pts \(A4\)$/);
                expect(i.Pages, name).toBe(info(join(dir, 'ref', name)).Pages);
                expect(sh('pdfinfo', ['-meta', pdf]), name).toMatch(
                    /<pdfaid:part>2<\/pdfaid:part>\s*<pdfaid:conformance>B<\/pdfaid:conformance>/
                );
                // Every word of the text export, in order.
                const got = words(sh('pdftotext', ['-raw', '-enc', 'UTF-8', pdf, '-']));
                let at = 0;
                for (const w of words(readFileSync(join(dir, 'txt', base + '.txt'), 'utf8'))) {
                    const found = got.indexOf(w, at);
                    expect(found, `${name}: "${w}" after word ${at}`).toBeGreaterThanOrEqual(0);
                    at = found + 1;
                }
                // Fonts: embedded, and only the serif that stands in for Times New Roman.
                const fonts = sh('pdffonts', [pdf])
                    .split('\n')
                    .slice(2)
                    .filter(Boolean)
                    .map(l => l.split(/\s+/));
                expect(fonts.length, name).toBeGreaterThan(0);
                for (const f of fonts) {
                    expect(f[0].replace(/^[A-Z]{6}\+/, ''), name).toMatch(
                        /^(LiberationSerif|TimesNewRomanPS(MT)?)(-Bold|-Italic|-BoldItalic|,Bold|,Italic)?/
                    );
                    expect(f[f.length - 5], `${name}: ${f[0]} embedded`).toBe('yes');
                }
            }
            // The document's properties: title = trích yếu, subject = tên loại, author = cơ quan ban hành.
            const plan = info(join(dir, 'pdf', 'ke-hoach-dot-cao-diem-2025.pdf'));
            expect(plan.Subject).toBe('KẾ HOẠCH');
            expect(plan.Author).toBe('ỦY BAN NHÂN DÂN XÃ ĐÔNG PHONG');
            const source = readFileSync(join(dir, 'vb', 'ke-hoach-dot-cao-diem-2025.thidua'), 'utf8').split('\n');
            expect(source[source.indexOf('KẾ HOẠCH') + 1]).toContain(plan.Title);
            expect(plan.Keywords).toBe('thidua');
        },
        300_000
    );

    run(
        'the same rule as the other formats: a PDF thidua made is replaced, another is not without --force',
        () => {
            const out = join(dir, 'ghi-de');
            mkdirSync(out);
            const file = join(dir, 'vb', '002-ke-hoach-tam-duong-20-nam.thidua');
            expect(thidua(['export', file, '--format', 'pdf', '--out', out]).code).toBe(0);
            expect(thidua(['export', file, '--format', 'pdf', '--out', out]).code).toBe(0);
            const target = join(out, '002-ke-hoach-tam-duong-20-nam.pdf');
            writeFileSync(target, '%PDF-1.4 bản đã ký số');
            const refused = thidua(['export', file, '--format', 'pdf', '--out', out]);
            expect(refused.code).toBe(2);
            expect(refused.err).toContain('đã có và không do thidua viết');
            expect(readFileSync(target, 'utf8')).toBe('%PDF-1.4 bản đã ký số');
            expect(thidua(['export', file, '--format', 'pdf', '--out', out, '--force']).code).toBe(0);
            expect(readFileSync(target).subarray(0, 5).toString()).toBe('%PDF-');
            expect(readdirSync(out)).toEqual(['002-ke-hoach-tam-duong-20-nam.pdf']);
        },
        120_000
    );

    test('without LibreOffice: a Vietnamese message saying how to install it, exit 2, nothing written', () => {
        // A PATH with node and the shell tools but no soffice.
        const bin = join(dir, 'bin-khong-lo');
        mkdirSync(bin, { recursive: true });
        for (const tool of ['sh', 'env']) {
            const at = sh('sh', ['-c', `command -v ${tool}`]).trim();
            if (at && !existsSync(join(bin, tool))) symlinkSync(at, join(bin, tool));
        }
        chmodSync(bin, 0o755);
        const out = join(dir, 'khong-lo');
        const r = thidua(['export', join(dir, 'vb'), '--format', 'pdf', '--out', out], { PATH: bin, HOME: dir });
        expect(r.code).toBe(2);
        expect(r.err).toContain('Xuất PDF cần LibreOffice');
        expect(r.err).toContain('libreoffice-writer');
        expect(r.err).toContain('--format docx');
        expect(existsSync(out)).toBe(false);
    });
});
