import { spawnSync } from 'node:child_process';
import {
    chmodSync,
    closeSync,
    mkdirSync,
    mkdtempSync,
    openSync,
    readdirSync,
    writeFileSync,
    ftruncateSync
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { decodeText, detectEncoding } from '../../src/domain/encoding.js';
import { check, codeOf } from '../checks/check-helpers.js';

const ROOT = join(import.meta.dirname, '..', '..');
const BIN = join(ROOT, 'bin', 'thidua.cjs');
const run = (args: string[], cwd: string, user?: string) => {
    const cmd = user ? 'runuser' : process.execPath;
    const argv = user ? ['-u', user, '--', process.execPath, BIN, ...args] : [BIN, ...args];
    const r = spawnSync(cmd, argv, { cwd, encoding: 'utf8' });
    return { code: r.status, out: r.stdout, err: r.stderr };
};

// "Kế hoạch thi đua" in three legacy encodings.
const TCVN3 = Buffer.from([
    0x4b, 0xd5, 0x20, 0x68, 0x6f, 0xb9, 0x63, 0x68, 0x20, 0x74, 0x68, 0x69, 0x20, 0xae, 0x75, 0x61, 0x0a
]);
const VNI = Buffer.from([
    0x4b, 0x65, 0xe1, 0x20, 0x68, 0x6f, 0x61, 0xef, 0x63, 0x68, 0x20, 0x74, 0x68, 0x69, 0x20, 0xf1, 0x75, 0x61, 0x0a
]);
const CP1258 = Buffer.from([
    0x4b, 0xea, 0xec, 0x20, 0x68, 0x6f, 0x61, 0xf2, 0x63, 0x68, 0x20, 0x74, 0x68, 0x69, 0x20, 0xf0, 0x75, 0x61, 0x0a
]);

let dir: string;
beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'thidua-bad-'));
    writeFileSync(join(dir, 'tcvn3.thidua'), TCVN3);
    writeFileSync(join(dir, 'vni.thidua'), VNI);
    writeFileSync(join(dir, 'cp1258.thidua'), CP1258);
    writeFileSync(
        join(dir, 'anh.thidua'),
        Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52])
    );
    writeFileSync(join(dir, 'rong.thidua'), '');
    const fd = openSync(join(dir, 'lon.thidua'), 'w');
    ftruncateSync(fd, 50 * 1024 * 1024);
    closeSync(fd);
});

describe('bad input: a clear Vietnamese error, exit 2, nothing written', () => {
    test.each([
        ['tcvn3.thidua', 'có vẻ được gõ bằng bảng mã TCVN3 (ABC, phông .VnTime)'],
        ['vni.thidua', 'có vẻ được gõ bằng bảng mã VNI (phông VNI-Times)'],
        ['cp1258.thidua', 'có vẻ được gõ bằng bảng mã Windows-1258'],
        ['anh.thidua', 'là tệp nhị phân'],
        ['rong.thidua', 'rỗng'],
        ['lon.thidua', 'quá lớn (50.0 MB)']
    ])('%s', (file, message) => {
        const before = readdirSync(dir).sort();
        for (const command of [
            ['check', file],
            ['export', file]
        ]) {
            const r = run(command, dir);
            expect(r.code).toBe(2);
            expect(r.err).toContain(message);
            expect(r.out).toBe('');
        }
        expect(readdirSync(dir).sort()).toEqual(before);
    });

    test('UTF-8 is decoded as TextDecoder decodes it, BOM taken off; bytes past 64 KB that are not UTF-8 too', () => {
        const text = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\r\nĐộc lập 𠀋 “ngoặc” ½ \u0301 ẞ\n'.repeat(3000);
        const bytes = Buffer.from(text, 'utf8');
        expect(decodeText(bytes)).toEqual({ text });
        expect(decodeText(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), bytes]))).toEqual({ text });
        expect(decodeText(bytes.subarray(1000, 2000))).toEqual({
            text: new TextDecoder().decode(bytes.subarray(1000, 2000))
        });
        const damaged = Buffer.concat([bytes, Buffer.from([0xc3, 0x28, 0x41])]);
        expect(decodeText(damaged)).toEqual({ text: new TextDecoder().decode(damaged) });
    });

    test('the legacy encodings are told apart', () => {
        expect([TCVN3, VNI, CP1258].map(b => detectEncoding(b))).toEqual(['tcvn3', 'vni', 'windows-1258']);
        expect(detectEncoding(Buffer.from('Kế hoạch thi đua', 'utf8'))).toBe('utf-8');
    });

    test('a folder without permission (checked as an unprivileged user)', () => {
        const hasRunuser = spawnSync('sh', ['-c', 'command -v runuser']).status === 0;
        if (!hasRunuser && process.env.CI !== 'true') return;
        const locked = join(dir, 'khoa');
        mkdirSync(locked);
        writeFileSync(join(locked, 'a.thidua'), 'KẾ HOẠCH\nVề việc\n');
        chmodSync(locked, 0o700);
        chmodSync(dir, 0o755);
        const r = run(['check', locked], '/tmp', 'nobody');
        expect(r.code).toBe(2);
        expect(r.err).toBe(`Không đọc được thư mục ${locked}: không có quyền đọc.\n`);
    });

    test('in the editor: a legacy-encoded file opened as UTF-8 gets an error, not silent damage', async () => {
        const c = await check(new TextDecoder('utf-8').decode(TCVN3));
        const d = c.diagnostics.find(x => codeOf(x) === 'van-ban-bang-ma')!;
        expect(d.severity).toBe(1);
        expect(d.message).toMatch(/^Tệp có ký tự không đọc được: tệp không được lưu bằng Unicode \(UTF-8\)/);
    });
});
