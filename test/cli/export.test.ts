import { spawn, spawnSync } from 'node:child_process';
import {
    chmodSync,
    cpSync,
    existsSync,
    mkdirSync,
    mkdtempSync,
    readdirSync,
    readFileSync,
    writeFileSync
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { beforeAll, describe, expect, test } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const BIN = join(ROOT, 'bin', 'thidua.cjs');
const thidua = (args: string[], cwd = ROOT) => {
    const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8' });
    return { code: r.status, out: r.stdout, err: r.stderr };
};

let dir: string;
beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'thidua-export-'));
    cpSync(join(ROOT, 'examples'), join(dir, 'vb'), { recursive: true });
});

describe('thidua export', () => {
    test('stopped with Ctrl-C while writing: no temporary file is left, exit 130', async () => {
        const src = mkdtempSync(join(tmpdir(), 'thidua-export-many-'));
        const text = readFileSync(join(ROOT, 'examples', '002-ke-hoach-tam-duong-20-nam.thidua'), 'utf8');
        for (let i = 0; i < 300; i++) writeFileSync(join(src, `vb-${i}.thidua`), text);
        const out = join(src, 'ra');
        const child = spawn(process.execPath, [BIN, 'export', src, '--out', out], { stdio: 'ignore' });
        const exited = new Promise<number | null>(resolve =>
            child.on('exit', (code, signal) => resolve(code ?? (signal ? -1 : null)))
        );
        // Stop it as soon as the first temporary file is there (writing is under way).
        for (let i = 0; i < 3000 && !(existsSync(out) && readdirSync(out).length); i++)
            await new Promise(r => setTimeout(r, 10));
        child.kill('SIGINT');
        const code = await exited;
        const left = existsSync(out) ? readdirSync(out).filter(f => f.endsWith('.tmp')) : [];
        expect(left).toEqual([]);
        // It may have finished just before the signal.
        expect([130, 0]).toContain(code);
    }, 60_000);

    test("one report asked alone: the plan it links to is read from its folder, the results table has the plan's targets", () => {
        const out = mkdtempSync(join(tmpdir(), 'thidua-export-one-'));
        const r = thidua(
            ['export', join('vb', 'bao-cao-so-ket-6-thang-2023-ha-lang.thidua'), '--out', out, '--format', 'html'],
            dir
        );
        expect(r.code).toBe(0);
        const html = readFileSync(join(out, 'bao-cao-so-ket-6-thang-2023-ha-lang.html'), 'utf8');
        expect(html).toContain('22.400 triệu đồng');
        expect(readdirSync(out)).toEqual(['bao-cao-so-ket-6-thang-2023-ha-lang.html']);
    });

    test('a folder to Word next to the sources: one .docx per document, none for the registry', () => {
        const r = thidua(['export', 'vb'], dir);
        expect(r.code).toBe(0);
        expect(r.out.trim().split('\n')).toEqual([
            'Đã xuất: vb/000-chi-thi-ha-lang-2023.docx',
            'Đã xuất: vb/001-ke-hoach-chu-de-nam-2023.docx',
            'Đã xuất: vb/002-ke-hoach-tam-duong-20-nam.docx',
            'Đã xuất: vb/003-chi-thi-huong-tra-2024.docx',
            'Đã xuất: vb/004-tin-bai-cho-don-2022.docx',
            'Đã xuất: vb/bao-cao-so-ket-6-thang-2023-ha-lang.docx',
            'Đã xuất: vb/bao-cao-tong-ket-2023-ha-lang.docx',
            'Đã xuất: vb/bao-cao-tong-ket-cham-diem-2025.docx',
            'Đã xuất: vb/ke-hoach-dot-cao-diem-2025-phu-luc.docx',
            'Đã xuất: vb/ke-hoach-dot-cao-diem-2025.docx',
            'Đã xuất: vb/ke-hoach-thi-dua-cham-diem-2025.docx'
        ]);
        expect(readdirSync(join(dir, 'vb')).filter(f => f.endsWith('.docx'))).toHaveLength(11);
        expect(
            readFileSync(join(dir, 'vb', '000-chi-thi-ha-lang-2023.docx'))
                .subarray(0, 2)
                .toString()
        ).toBe('PK');
    });

    test('--format html and txt into --out', () => {
        expect(
            thidua(['export', 'vb/002-ke-hoach-tam-duong-20-nam.thidua', '--format', 'html', '--out', 'ra'], dir).code
        ).toBe(0);
        expect(readFileSync(join(dir, 'ra', '002-ke-hoach-tam-duong-20-nam.html'), 'utf8')).toContain(
            '<p class="ten-loai">KẾ HOẠCH</p>'
        );
        const r = thidua(['export', 'vb/003-chi-thi-huong-tra-2024.thidua', '--format=txt', '--out=ra'], dir);
        expect(r.out).toBe('Đã xuất: ra/003-chi-thi-huong-tra-2024.txt\n');
        expect(readFileSync(join(dir, 'ra', '003-chi-thi-huong-tra-2024.txt'), 'utf8')).toMatch(
            /^Số:12\/CT-UBND\n\nHương Trà, ngày 29 tháng 12 năm 2023\n\nCHỈ THỊ\n/
        );
    });

    test('a read-only target: a clear Vietnamese error, exit 2, nothing written', () => {
        const r = thidua(['export', 'vb/002-ke-hoach-tam-duong-20-nam.thidua', '--out', '/sys'], dir);
        expect(r.code).toBe(2);
        expect(r.err).toBe(
            'Không ghi được "/sys/002-ke-hoach-tam-duong-20-nam.docx": thư mục chỉ đọc hoặc không có quyền ghi. Hãy chọn thư mục xuất khác.\n'
        );
        expect(existsSync('/sys/002-ke-hoach-tam-duong-20-nam.docx')).toBe(false);
    });

    test('a target that cannot be replaced (in use, or a folder of that name): exit 2, no temporary file left', () => {
        mkdirSync(join(dir, 'khoa', '002-ke-hoach-tam-duong-20-nam.docx'), { recursive: true });
        const r = thidua(['export', 'vb/002-ke-hoach-tam-duong-20-nam.thidua', '--out', 'khoa'], dir);
        expect(r.code).toBe(2);
        expect(r.err).toContain(
            'Không ghi đè được "khoa/002-ke-hoach-tam-duong-20-nam.docx": tệp đang được mở hoặc khóa bởi chương trình khác'
        );
        expect(readdirSync(join(dir, 'khoa'))).toEqual(['002-ke-hoach-tam-duong-20-nam.docx']);
    });

    test('a file thidua did not write is not replaced without --force; one it wrote is; a read-only one never', async () => {
        const out = join(dir, 'co-san');
        mkdirSync(out);
        const target = join(out, '002-ke-hoach-tam-duong-20-nam.docx');
        writeFileSync(target, 'bản của phòng');
        const refused = thidua(['export', 'vb/002-ke-hoach-tam-duong-20-nam.thidua', '--out', 'co-san'], dir);
        expect(refused.code).toBe(2);
        expect(refused.err).toContain('"co-san/002-ke-hoach-tam-duong-20-nam.docx" đã có và không do thidua viết');
        expect(refused.err).toContain('--force');
        expect(readFileSync(target, 'utf8')).toBe('bản của phòng');
        expect(readdirSync(out)).toEqual(['002-ke-hoach-tam-duong-20-nam.docx']);
        expect(
            thidua(['export', 'vb/002-ke-hoach-tam-duong-20-nam.thidua', '--out', 'co-san', '--force'], dir).code
        ).toBe(0);
        // It now carries thidua's mark (a custom property): the next export replaces it without asking.
        const custom = await (await JSZip.loadAsync(readFileSync(target))).file('docProps/custom.xml')!.async('string');
        expect(custom).toContain('name="thidua"');
        expect(thidua(['export', 'vb/002-ke-hoach-tam-duong-20-nam.thidua', '--out', 'co-san'], dir).code).toBe(0);
        // An HTML page thidua wrote says so in its head; a text file is thidua's when it is what would be written.
        for (const format of ['html', 'txt']) {
            expect(
                thidua(
                    ['export', 'vb/002-ke-hoach-tam-duong-20-nam.thidua', '--out', 'co-san', '--format', format],
                    dir
                ).code
            ).toBe(0);
            expect(
                thidua(
                    ['export', 'vb/002-ke-hoach-tam-duong-20-nam.thidua', '--out', 'co-san', '--format', format],
                    dir
                ).code
            ).toBe(0);
        }
        writeFileSync(join(out, '002-ke-hoach-tam-duong-20-nam.txt'), 'ghi chép riêng');
        expect(
            thidua(['export', 'vb/002-ke-hoach-tam-duong-20-nam.thidua', '--out', 'co-san', '--format', 'txt'], dir)
                .code
        ).toBe(2);
        // A read-only file is honoured, --force or not.
        chmodSync(target, 0o444);
        const before = readFileSync(target);
        for (const args of [[], ['--force']]) {
            const r = thidua(['export', 'vb/002-ke-hoach-tam-duong-20-nam.thidua', '--out', 'co-san', ...args], dir);
            expect(r.code).toBe(2);
            expect(r.err).toContain('tệp chỉ đọc');
        }
        expect(readFileSync(target).equals(before)).toBe(true);
        chmodSync(target, 0o644);
    });

    test('a document with syntax errors is not exported (exit 1), so that no text is lost', () => {
        mkdirSync(join(dir, 'loi'));
        writeFileSync(join(dir, 'loi', 'sai.thidua'), 'KẾ HOẠCH\nVề việc\n\nTheo [Chỉ thị số 34-CT/TW\n');
        const r = thidua(['export', 'loi'], dir);
        expect(r.code).toBe(1);
        expect(r.err).toContain('Chưa xuất loi/sai.thidua: văn bản còn 1 lỗi cú pháp');
        expect(readdirSync(join(dir, 'loi'))).toEqual(['sai.thidua']);
    });

    test('bad usage: exit 2', () => {
        expect(thidua(['export']).code).toBe(2);
        expect(thidua(['export', 'examples', '--format', 'odt']).err).toContain('Định dạng "odt" không có');
    });
});
