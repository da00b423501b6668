import { EmptyFileSystem } from 'langium';
import { describe, expect, test } from 'vitest';
import { problemLinesOf } from '../../src/import/repair.js';
import { importText } from '../../src/import/import.js';
import { ensureParses } from '../../src/import/repair.js';
import { formatThidua } from '../../src/language/syntax/format-text.js';
import { createThiduaCoreServices } from '../../src/language/thidua-module.js';
import { generateText } from '../../src/generate/text.js';
import { parse } from '../helpers.js';
import { rng } from '../robustness/fuzz-lib.js';

const services = createThiduaCoreServices(EmptyFileSystem).Thidua;
const problems = problemLinesOf(services);
const importAll = (text: string) =>
    ensureParses(formatThidua(importText(text).text, services.parser.Lexer), problems).text;
const words = (s: string) =>
    s
        .normalize('NFC')
        .replace(/[|*#_]/g, ' ')
        .split(/\s+/)
        .map(w => w.replace(/^[\p{P}\p{S}]+|[\p{P}\p{S}]+$/gu, ''))
        .filter(w => /\p{L}/u.test(w));

/** Lines real copies are made of: header lines, wrapped prose, separators, stray "|" and "**", tables, a signature. */
const PIECES = [
    'ỦY BAN NHÂN DÂN',
    'TỈNH NAM SƠN',
    '-------',
    '|',
    '**',
    '** **',
    'CỘNG HÒA XÃ HỘI',
    'CHỦ NGHĨA VIỆT NAM',
    'Độc lập - Tự do - Hạnh phúc',
    'Số: 12/KH-UBND',
    'Số:',
    '45/2025/QĐ-UBND',
    'Nam Sơn, ngày 10',
    'tháng 3 năm 2025',
    'KẾ HOẠCH',
    'QUYẾT ĐỊNH',
    'Phát động phong trào thi đua năm 2025',
    'I. MỤC ĐÍCH, YÊU CẦU',
    '1. Mục đích',
    'a) Động viên cán bộ thi đua hoàn thành',
    'các chỉ tiêu được giao.',
    '2.1 | Tiêu chí',
    '| 1 | a |',
    '- Tỷ lệ hộ nghèo giảm 1,5%;',
    '+ Các xã đăng ký thi đua',
    '(1) Thực hiện [Chỉ thị số 34-CT/TW] ngày 07/4/2014',
    'Nơi nhận:',
    '- Như trên;',
    '- Văn phòng Chính phủ',
    '(để b/c);',
    '- Lưu: VT, NV.',
    'TM. ỦY BAN NHÂN',
    'DÂN',
    'KT. CHỦ TỊCH',
    'PHÓ CHỦ TỊCH',
    'Trần Văn Minh',
    'PHỤ LỤC',
    '(Kèm theo Kế hoạch số 12/KH-UBND ngày 10/3/2025)',
    '**Số hiệu:**',
    '229/CĐ-TTg',
    'Chỉ số a | b',
    'Giá {trị} [lạ] và \\ dấu',
    ']',
    '{',
    '*',
    'ĐẢNG CỘNG SẢN VIỆT NAM',
    'Hà',
    'Nội, ngày 27 tháng 11 năm 2025',
    'SỔ VĂN BẢN',
    '// ghi chú',
    '    thụt lề',
    'Điều 1. Tặng Bằng khen',
    ''
];

describe('the import contract: a file that parses, every word kept in order', () => {
    test('property: 300 random real-shaped inputs never give a parse error', async () => {
        const r = rng(17);
        for (let n = 0; n < 300; n++) {
            const lines = Array.from(
                { length: 5 + Math.floor(r() * 40) },
                () => PIECES[Math.floor(r() * PIECES.length)]
            );
            const input = lines.join('\n');
            const out = importAll(input);
            const result = services.parser.LangiumParser.parse(out);
            expect(
                [...result.lexerErrors, ...result.parserErrors].map(e => e.message),
                input
            ).toEqual([]);
            // Every word of the input is in the file (document text or a comment), in order; the header's lines may be
            // reordered.
            const have = words(out.replace(/[[\]{}\\]/g, ' '));
            let j = 0;
            const header = new Set(
                words(
                    lines
                        .filter(l =>
                            /^(?:ỦY BAN|TỈNH|CỘNG|CHỦ NGHĨA|Độc lập|Số|Nam Sơn|tháng 3|ĐẢNG|Hà|Nội, ngày|[0-9]+\/)/u.test(
                                l
                            )
                        )
                        .join(' ')
                )
            );
            for (const w of words(input)) {
                if (header.has(w)) continue;
                const k = have.indexOf(w, j);
                if (k < 0) expect.fail(`"${w}" lost from:\n${input}\n---\n${out}`);
                j = k + 1;
            }
        }
    }, 120_000);

    test('a line the document cannot place is kept as prose, marked with "\\\\" that is not part of the text', async () => {
        const out = importAll(
            'KẾ HOẠCH\nThi đua\n\nNơi nhận:\n- Lưu: VT.\n\nCHỦ TỊCH\n\nTrần Văn Minh\nMột đoạn sau chữ ký.\n'
        );
        expect(out).toContain('\\Một đoạn sau chữ ký.');
        const doc = await parse(out);
        expect(doc.parseResult.parserErrors).toEqual([]);
        expect(generateText(doc.parseResult.value)).toContain('\nMột đoạn sau chữ ký.');
    });

    test('a block left unfinished at the end (a quyền hạn with no chức vụ) is kept as prose, not the whole text', () => {
        const out = importAll(
            'KẾ HOẠCH\nThi đua\n\nI. MỤC ĐÍCH\nPhát huy.\n\nNơi nhận:\n- Lưu: VT.\n\nTM. ỦY BAN NHÂN DÂN\n'
        );
        expect(problems(out)).toEqual([]);
        expect(out).toContain('\\TM. ỦY BAN NHÂN DÂN');
        expect(out).toContain('\nI. MỤC ĐÍCH\n');
    });

    test('a header repeated after the signature whose title never comes is prose from the blocks it left open', () => {
        const out = importAll(
            'KẾ HOẠCH\nThi đua\n\nI. MỤC ĐÍCH\nPhát huy.\n\nNơi nhận:\n- Lưu: VT.\n\nCHỦ TỊCH\nTrần Văn Minh\n\n' +
                'SỞ GIÁO DỤC VÀ ĐÀO TẠO\n-------\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n' +
                '..........ngày.......tháng......năm 20..\n\nTỜ TRÌNH\nKính gửi: Bộ Giáo dục và Đào tạo\n'
        );
        expect(problems(out)).toEqual([]);
        // After the signature only annexes stand: prose goes back to the Nơi nhận, the document above keeps its parts.
        expect(out.startsWith('KẾ HOẠCH\nThi đua\n\nI. MỤC ĐÍCH\nPhát huy.\n')).toBe(true);
        expect(out).toContain('\\SỞ GIÁO DỤC VÀ ĐÀO TẠO\n');
    });

    test('a flattened table ("|" lines, one cell per line) becomes a table; site chrome becomes comments', () => {
        const out = importAll(
            [
                '**Số hiệu:**',
                '|',
                '229/CĐ-TTg',
                '|',
                '**Loại văn bản:**',
                '|',
                'Công điện',
                '',
                'KẾ HOẠCH',
                'Thi đua',
                '',
                '|',
                'STT',
                '|',
                'Tiêu chí',
                '|',
                'Điểm',
                '|',
                '|',
                '1',
                '|',
                'Ban hành',
                'kế hoạch',
                '|',
                '10',
                '|',
                '|',
                '2',
                '|',
                'Phát động',
                '|',
                '',
                '|',
                ''
            ].join('\n')
        );
        expect(out).toMatch(/^\/\/ \*\*Số hiệu:\*\*/);
        expect(out).toContain('| STT | Tiêu chí          | Điểm |');
        expect(out).toContain('| 1   | Ban hành kế hoạch | 10   |');
        expect(out).toContain('| 2   | Phát động         |      |');
    });

    test('the other flattening (each cell closed by "|", a row by one more "|"): a table, empty cells kept', () => {
        const cells = (...row: string[]) => [...row.flatMap(c => (c ? [c, '|'] : ['|'])), '|'];
        const lines = [
            ...cells('**TT**', '**Tiêu chí**', '**Điểm tối đa**', '**Kết quả**'),
            ...cells('*(1)*', '*(2)*', '*(3)*', '*(4)*', '*(5)*'),
            ...cells('**I**', '**Chính trị tư tưởng**', '**5**', '', ''),
            ...cells('a)', 'Chấp hành chủ trương,', '2,5', '', ''),
            ...cells('b)', 'Có quan điểm vững vàng', '2,5', '2', '')
        ];
        // The first cell before the first "|", as a copy starts its table.
        const out = importAll(
            ['KẾ HOẠCH', 'Thi đua', '', 'I. TIÊU CHÍ', ...lines, '', 'Nơi nhận:', '- Lưu: VT.'].join('\n')
        );
        expect(problems(out)).toEqual([]);
        expect(out).toMatch(/\| TT +\| Tiêu chí +\| Điểm tối đa +\| Kết quả +\| +\|/);
        expect(out).toMatch(/\| a\) +\| Chấp hành chủ trương, +\| 2,5 +\| +\| +\|/);
        expect(out).toMatch(/\| b\) +\| Có quan điểm vững vàng +\| 2,5 +\| 2 +\| +\|/);
        // The same with a "|" first.
        expect(importAll(['KẾ HOẠCH', 'Thi đua', '', '|', ...lines].join('\n'))).toMatch(/\| a\) +\| Chấp hành/);
    });

    test('wrapped lines are joined; a line that starts a marker is not', () => {
        const out = importAll(
            'KẾ HOẠCH\nThi đua\n\nI. MỤC ĐÍCH\n1. Phát huy sức mạnh của cả hệ\nthống chính trị, tạo khí thế.\na) Khen thưởng kịp thời.\n'
        );
        expect(out).toContain('1. Phát huy sức mạnh của cả hệ thống chính trị, tạo khí thế.');
        expect(out).toContain('\na) Khen thưởng kịp thời.');
    });
});
