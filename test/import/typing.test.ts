import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Document, Packer, Paragraph, TextRun } from 'docx';
import { afterAll, describe, expect, test } from 'vitest';
import { importFile } from '../../src/cli/import.js';
import { importLines, importText } from '../../src/import/import.js';
import { isQuantityCell, quantitiesOf } from '../../src/import/spans.js';

// What import types, by the rules Vietnamese administrative texts follow, on lines shaped like the real ones.
// Each table's lines and what they should become are data: cases/typing.json.
const CASES = JSON.parse(readFileSync(join(import.meta.dirname, 'cases', 'typing.json'), 'utf8')) as {
    quantities: [string, string[]][];
    periods: [string, string[]][];
    citations: [string, string][];
};
const typed = (line: string) =>
    importText(`KẾ HOẠCH\nThi đua năm 2025\n\n${line}\n`)
        .text.split('\n')
        .find(l => l.replace(/[[\]{}]/g, '').includes(line.slice(0, 12)))!;
const pieces = (s: string, open: string, close: string) =>
    [...s.matchAll(new RegExp(`\\${open}([^\\${close}]*)\\${close}`, 'g'))].map(m => m[1]);

describe('quantities', () => {
    test.each(CASES.quantities)('%s', (line, expected) => expect(pieces(typed(line), '{', '}')).toEqual(expected));

    test('years, dates, articles, durations without a comparator and ordinal words stay prose', () => {
        expect(
            quantitiesOf('năm 2025, ngày 15/3, Điều 24, khoản 2, lần thứ 3, trong 05 ngày làm việc, 24/10/2025')
        ).toEqual([]);
        expect(quantitiesOf('trước 15/02 hằng năm')).toEqual([]);
    });

    test('table cells holding only a figure are typed; numbering and text cells are not', () => {
        expect(['12', '95%', '21/21 (100%)', '+2 điểm', '1.571,8'].every(isQuantityCell)).toBe(true);
        expect(['2025', 'Tốt', 'I', '1.2 Tuyên truyền'].some(isQuantityCell)).toBe(false);
        const out = importText(
            '| STT | Đơn vị | Số phiếu | Tỷ lệ |\n|---|---|---|---|\n| 1 | Khoa A | 21/21 | 100% |\n| 2 | Khoa B | 19/21 | 90,5% |\n'
        );
        expect(out.text).toContain('| 1 | Khoa A | {21/21} | {100%} |');
        expect(out.stats.indicators).toBe(4);
    });
});

describe('dates, periods and citations', () => {
    test.each(CASES.periods)('%s', (line, expected) => expect(pieces(typed(line), '{', '}')).toEqual(expected));

    test.each(CASES.citations)('%s', (line, first) => expect(pieces(typed(line), '[', ']')[0]).toBe(first));

    test('a law by its name is a citation; "Luật này" is not; a vision year is a period', () => {
        expect(pieces(typed('Thực hiện theo Luật Thi đua, khen thưởng và Luật này, tầm nhìn 2050.'), '[', ']')).toEqual(
            ['Luật Thi đua, khen thưởng']
        );
        expect(pieces(typed('Thực hiện theo Luật Thi đua, khen thưởng và Luật này, tầm nhìn 2050.'), '{', '}')).toEqual(
            ['tầm nhìn 2050']
        );
        // Two four-digit numbers with a unit are a range of a quantity, not years.
        const range = importText('KẾ HOẠCH\nThi đua\n\nTiếp nhận từ 1000 đến 2000 hồ sơ.\n');
        expect(pieces(range.text, '{', '}')).toEqual(['từ 1000 đến 2000 hồ sơ']);
        expect(range.stats.dates).toBe(0);
    });

    test("emphasis on a piece of a number is the copy's markup", () => {
        expect(pieces(typed('Căn cứ Nghị định số **1**52/2025/NĐ-CP của Chính phủ;'), '[', ']')).toEqual([
            'Nghị định số 152/2025/NĐ-CP của Chính phủ'
        ]);
    });

    test("in a scoring table: points stated in a criterion's text are typed and the row counts", () => {
        const out = importText(
            'KẾ HOẠCH\nThi đua\n\nBảng:\n\n| STT | Tiêu chí | Điểm chuẩn |\n|---|---|---|\n| 1 | Báo cáo đúng hạn | 10 |\n' +
                '| 2 | Báo cáo trễ hạn trừ 0,5 điểm mỗi lần | 0 |\n| | Tổng cộng | 10 |\n'
        );
        expect(out.text).toContain('Báo cáo trễ hạn trừ {0,5 điểm} mỗi lần');
        expect(out.stats.indicators).toBe(2);
    });

    test('in a table: citations and dates in text cells; a column-number row is header; a total row is not counted', () => {
        const out = importText(
            'KẾ HOẠCH\nThi đua\n\nBảng:\n\n| TT | Nội dung | Số lượng |\n|---|---|---|\n| 1 | 2 | 3 |\n' +
                '| 1 | Theo Kế hoạch số 12/KH-UBND ngày 05/01/2025 | 15 |\n| Cộng | < | 15 |\n'
        );
        expect(out.text).toMatch(/\| 1 +\| 2 +\| 3 +\|\n\|---/);
        expect(out.text).toContain('[Kế hoạch số 12/KH-UBND ngày 05/01/2025]');
        expect(out.stats.indicators).toBe(1);
        expect(out.stats.citations).toBe(1);
    });
});

describe('the header as Word gives it', () => {
    test("rule lines under the agency and the Tiêu ngữ stay in the header: the place and date are the header's", () => {
        const lines = [
            'BỘ VĂN HOÁ, THỂ THAO VÀ DU LỊCH',
            '----------------------',
            'Số: 06/CT-BVHTTDL',
            'CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM',
            'Độc lập - Tự do - Hạnh phúc',
            '------------------------',
            'Hà Nội, ngày 15 tháng 01 năm 2010',
            '',
            'CHỈ THỊ',
            'Về việc tổ chức đón Tết'
        ];
        const out = importLines({ lines: lines.map(text => ({ text })), chrome: 0 }).text;
        expect(out).toContain('\nĐộc lập - Tự do - Hạnh phúc\n------------------------\n');
        expect(out).toContain('\nHà Nội, ngày 15 tháng 01 năm 2010\n\nCHỈ THỊ\n');
    });
});

describe('lines a copy or a Word file splits', () => {
    const dir = mkdtempSync(join(tmpdir(), 'thidua-typing-'));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));
    const io = { out: () => undefined, err: () => undefined };

    test('bold across a wrap joins ("**TM. ỦY BAN NHÂN" / "DÂN**"), a title under it does not', () => {
        const out = importText(
            'Nơi nhận:\n- Lưu: VT.\n\n**TM. ỦY BAN NHÂN\nDÂN**\n**CHỦ TỊCH**\n\nNguyễn Văn A\n'
        ).text;
        expect(out).toMatch(/TM\. ỦY BAN NHÂN DÂN\**\n\**CHỦ TỊCH/);
    });

    test('a Word signature pushed right of the Nơi nhận lines (spaces or tabs) follows the list', async () => {
        const doc = new Document({
            sections: [
                {
                    children: [
                        new Paragraph({ children: [new TextRun({ text: 'BÁO CÁO', bold: true })] }),
                        new Paragraph('Kết quả thi đua năm 2022'),
                        new Paragraph('Phòng báo cáo kết quả như trên./.'),
                        new Paragraph({
                            children: [
                                new TextRun({ text: 'Nơi nhận:' + ' '.repeat(40), bold: true, italics: true }),
                                new TextRun({ text: 'KT. TRƯỞNG PHÒNG', bold: true })
                            ]
                        }),
                        new Paragraph({
                            children: [
                                new TextRun('- Như trên;'),
                                new TextRun({ text: '\tPHÓ TRƯỞNG PHÒNG', bold: true })
                            ]
                        }),
                        new Paragraph('- Lưu: VT.'),
                        new Paragraph({ children: [new TextRun({ text: 'Nguyễn Tấn Lợi', bold: true })] })
                    ]
                }
            ]
        });
        const file = join(dir, 'bao-cao.docx');
        writeFileSync(file, await Packer.toBuffer(doc));
        const lines = (await importFile(file, io)).text
            .split('\n')
            .map(l => l.replace(/\*/g, '').trim())
            .filter(Boolean);
        const at = (s: string) => lines.indexOf(s);
        expect(at('Nơi nhận:')).toBeGreaterThan(0);
        expect(at('- Như trên;')).toBe(at('Nơi nhận:') + 1);
        expect(at('KT. TRƯỞNG PHÒNG')).toBeGreaterThan(at('- Lưu: VT.'));
        expect(at('PHÓ TRƯỞNG PHÒNG')).toBe(at('KT. TRƯỞNG PHÒNG') + 1);
        expect(at('Nguyễn Tấn Lợi')).toBe(at('PHÓ TRƯỞNG PHÒNG') + 1);
    });

    test('a line break inside a Word paragraph is a line: "TL. BỘ TRƯỞNG" / "VỤ TRƯỞNG …" are not one line', async () => {
        const doc = new Document({
            sections: [
                {
                    children: [
                        new Paragraph('Nơi nhận:'),
                        new Paragraph('- Lưu: VT.'),
                        new Paragraph({
                            children: [
                                new TextRun({ text: 'TL. BỘ TRƯỞNG', bold: true }),
                                new TextRun({ text: 'VỤ TRƯỞNG VỤ THI ĐUA - KHEN THƯỞNG', bold: true, break: 1 })
                            ]
                        })
                    ]
                }
            ]
        });
        const file = join(dir, 'ky.docx');
        writeFileSync(file, await Packer.toBuffer(doc));
        const text = (await importFile(file, io)).text;
        expect(text).toMatch(/TL\. BỘ TRƯỞNG\**\n\**VỤ TRƯỞNG VỤ THI ĐUA/);
    });
});
