import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, writeFileSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const BIN = join(ROOT, 'bin', 'thidua.cjs');

function thidua(args: string[], cwd = ROOT) {
    const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8' });
    return { code: r.status, out: r.stdout, err: r.stderr };
}

let dir: string;
beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'thidua-cli-'));
    cpSync(join(ROOT, 'test', 'fixtures', 'correct', 'ke-hoach-chuan.thidua'), join(dir, 'dung.thidua'));
    cpSync(join(ROOT, 'test', 'fixtures', 'correct', 'so-van-ban.thidua'), join(dir, 'so-van-ban.thidua'));
    mkdirSync(join(dir, 'loi'));
    writeFileSync(
        join(dir, 'loi', 'sai.thidua'),
        'KẾ HOẠCH\nVề việc thi đua\n\nTheo [Chỉ thị số 34-CT/TW\nĐoạn có dấu ] lạc.\n'
    );
    writeFileSync(join(dir, 'tcvn3.thidua'), Buffer.from([0x4b, 0xd5, 0x20, 0x68, 0x6f, 0xb9, 0x63, 0x68, 0x0a]));
});

describe('thidua check', () => {
    test('a path written another way names the same file: one document, no crash (check and export)', () => {
        const forms = [
            'dung.thidua',
            './dung.thidua',
            './/dung.thidua',
            `../${dir.split('/').pop()}/dung.thidua`,
            join(dir, 'dung.thidua')
        ];
        for (const f of forms) expect(thidua(['check', f], dir).code, f).toBe(0);
        const both = thidua(['check', 'dung.thidua', join(dir, 'dung.thidua')], dir);
        expect(both.code).toBe(0);
        expect(both.err).toContain('Đã kiểm tra 1 tệp');
        const out = thidua(
            ['export', './dung.thidua', join(dir, 'dung.thidua'), '--out', join(dir, 'ra'), '--format', 'txt'],
            dir
        );
        expect(out.code).toBe(0);
    });

    test('the bundled examples: their real mistakes are reported, exit 1 (one is an error: "giai đoạn 2021-2015")', () => {
        const r = thidua(['check', 'examples']);
        expect(r.err).toContain('Đã kiểm tra 12 tệp: 1 lỗi, 15 cảnh báo và ghi chú.');
        expect(r.out).toContain(
            'examples/000-chi-thi-ha-lang-2023.thidua:50:553: error [thoi-gian-nguoc] Thời gian bắt đầu (2021) sau thời gian kết thúc (2015).'
        );
        expect(r.code).toBe(1);
    });

    test('a correct file, with citations resolved against the registry in its folder: exit 0, nothing printed', () => {
        const r = thidua(['check', 'dung.thidua'], dir);
        expect(r.out).toBe('');
        expect(r.code).toBe(0);
    });

    test('a folder with errors: exit 1, one line per problem as file:line:col: severity [code] message', () => {
        const r = thidua(['check', 'loi'], dir);
        expect(r.code).toBe(1);
        const lines = r.out.trim().split('\n');
        expect(lines).toContain(
            'loi/sai.thidua:4:6: error [parsing-error] Trích dẫn văn bản mở bằng "[" nhưng chưa đóng: hãy thêm "]" ở cuối trích dẫn, trên cùng dòng.'
        );
        expect(lines).toContain(
            'loi/sai.thidua:5:13: error [lexing-error] Dấu "]" không có dấu "[" mở trích dẫn tương ứng. Nếu đây là chữ của văn bản, hãy viết "\\]".'
        );
        for (const line of lines) expect(line).toMatch(/^[^:]+:\d+:\d+: (error|warning|info) \[[\w-]+\] .+$/);
    });

    test('--format json', () => {
        const r = thidua(['check', '--format', 'json', 'loi'], dir);
        expect(r.code).toBe(1);
        const rows = JSON.parse(r.out) as {
            file: string;
            line: number;
            column: number;
            severity: string;
            code: string;
            message: string;
        }[];
        expect(rows.find(x => x.code === 'parsing-error')).toMatchObject({
            file: 'loi/sai.thidua',
            line: 4,
            column: 6,
            severity: 'error'
        });
        expect(rows.every(x => typeof x.message === 'string')).toBe(true);
        // Rule codes travel in the diagnostics' data (editors show no code); the JSON output still names them.
        const examples = JSON.parse(thidua(['check', '--format', 'json', 'examples']).out) as {
            code: string;
            message: string;
        }[];
        expect(examples.map(x => x.code)).toEqual(
            expect.arrayContaining(['thoi-gian-nguoc', 'sai-chinh-ta', 'trich-dan-lan-dau'])
        );
        expect(examples.every(x => /^[a-z]+(-[a-z0-9]+)+$/.test(x.code) && !x.message.includes(x.code))).toBe(true);
        const ok = thidua(['check', '--format=json', 'dung.thidua'], dir);
        expect(JSON.parse(ok.out)).toEqual([]);
        expect(ok.code).toBe(0);
    });

    test('a missing file: exit 2 with a Vietnamese message', () => {
        const r = thidua(['check', 'khong-co.thidua'], dir);
        expect(r.code).toBe(2);
        expect(r.err).toBe('Không tìm thấy tệp hoặc thư mục "khong-co.thidua": không tồn tại.\n');
    });

    test('a file that is not UTF-8 (TCVN3): exit 2, says how to convert', () => {
        const r = thidua(['check', 'tcvn3.thidua'], dir);
        expect(r.code).toBe(2);
        expect(r.err).toContain('không phải văn bản Unicode (UTF-8); có vẻ được gõ bằng bảng mã TCVN3');
        expect(r.err).toContain('chuyển sang Unicode');
    });

    test('bad usage: exit 2', () => {
        expect(thidua([]).code).toBe(2);
        expect(thidua(['kiemtra', 'examples']).err).toContain('Lệnh không có: "kiemtra"');
        expect(thidua(['kiemtra', 'examples']).code).toBe(2);
        expect(thidua(['check']).code).toBe(2);
        expect(thidua(['check', '--format', 'xml', 'examples']).code).toBe(2);
        expect(thidua(['check', '--nhanh', 'examples']).code).toBe(2);
    });

    test('--help: exit 0 and the usage in Vietnamese', () => {
        const r = thidua(['--help']);
        expect(r.code).toBe(0);
        expect(r.out).toContain('Cách dùng');
    });
});
