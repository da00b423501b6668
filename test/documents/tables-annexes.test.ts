import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { buildGrid } from '../../src/domain/table-grid.js';
import { readScoring } from '../../src/domain/scoring.js';
import { parseValue } from '../../src/domain/values.js';
import { segments } from '../../src/language/syntax/ast-text.js';
import { buildModel } from '../../src/language/model/thidua-document-model.js';
import { isDocument, type Document } from '../../src/language/generated/ast.js';
import { layout } from '../../src/generate/layout.js';
import { generateText } from '../../src/generate/text.js';
import { errorsOf, parse } from '../helpers.js';

const PLAN = readFileSync(
    join(import.meta.dirname, '..', 'fixtures', 'correct', 'ke-hoach-phu-luc-chuan.thidua'),
    'utf8'
);

async function model(text: string) {
    const doc = await parse(text);
    expect(doc.parseResult.lexerErrors.concat(doc.parseResult.parserErrors as never[])).toEqual([]);
    const root = doc.parseResult.value;
    expect(isDocument(root)).toBe(true);
    return { root: root as Document, m: buildModel(root), doc };
}

describe('tables: rows, columns, header rows and merged cells', () => {
    test('a two-level header: "<" joins left, "^" joins the cell above; the "---" row ends the header', () => {
        const g = buildGrid([
            ['STT', 'Tiêu chí', 'Điểm', '<', '<'],
            ['^', '^', 'Chuẩn', 'Thưởng', 'Trừ'],
            ['---', '---', '---:', ':---:', '---'],
            ['I', 'NHÓM XÃ, PHƯỜNG', '<', '<', '<'],
            ['1', 'Ban hành kế hoạch', '10', '', '-2']
        ]);
        expect(g.columns).toBe(5);
        expect(g.separator).toBe(2);
        expect(g.rows.map(r => r.header)).toEqual([true, true, false, false]);
        const [h1, h2, group, row] = g.rows;
        expect(h1.cells.map(c => [c.text, c.colSpan, c.rowSpan])).toEqual([
            ['STT', 1, 2],
            ['Tiêu chí', 1, 2],
            ['Điểm', 3, 1]
        ]);
        expect(h2.cells.map(c => c.text)).toEqual(['Chuẩn', 'Thưởng', 'Trừ']);
        expect(group.cells.map(c => [c.text, c.colSpan])).toEqual([
            ['I', 1],
            ['NHÓM XÃ, PHƯỜNG', 4]
        ]);
        expect(row.cells).toHaveLength(5);
        expect(g.align).toEqual([undefined, undefined, 'right', 'center', undefined]);
        expect(g.headings).toEqual(['STT', 'Tiêu chí', 'Điểm Chuẩn', 'Điểm Thưởng', 'Điểm Trừ']);
    });

    test('"<" in the first column and "^" in the first row are text; short rows are padded', () => {
        const g = buildGrid([
            ['^', 'a'],
            ['<', 'b', 'c']
        ]);
        expect(g.rows[0].cells.map(c => c.text)).toEqual(['^', 'a', '']);
        expect(g.rows[1].cells.map(c => c.text)).toEqual(['<', 'b', 'c']);
    });

    test('a table in the body parses with typed values in its cells, and is one node with its rows', async () => {
        const { m } = await model(PLAN);
        expect(m.tables).toHaveLength(2);
        const [indicators, scoring] = m.tables;
        expect(indicators.grid.columns).toBe(4);
        expect(indicators.grid.rows.filter(r => !r.header)).toHaveLength(3);
        expect(m.indicators.map(i => i.id)).toEqual(['ntm_nang_cao', 'nuoc_sach', 'thu_nhap']);
        expect(m.indicators[1].value.parts[0]).toMatchObject({
            unit: '%',
            quantity: { kind: 'number', number: { value: 95 } }
        });
        expect(scoring.grid.rows.filter(r => r.header)).toHaveLength(2);
        expect(scoring.grid.rows[0].cells.find(c => c.text === 'Điểm')).toMatchObject({ colSpan: 3 });
    });

    test('a literal "|" is written "\\|"; a line that does not start with "|" keeps its "|" as text', async () => {
        const { m, root } = await model(
            'KẾ HOẠCH\nThi đua\n\nChỉ số a | b vẫn là một đoạn văn.\n\n| Tên | Ghi chú |\n|---|---|\n| A \\| B | x |\n'
        );
        expect(m.tables[0].grid.rows[1].cells.map(c => c.text)).toEqual(['A \\| B', 'x']);
        expect(generateText(root)).toContain('Chỉ số a | b vẫn là một đoạn văn.');
        expect(generateText(root)).toContain('A | B\tx');
    });
});

describe('scoring tables (thang điểm)', () => {
    test('criteria, their maxima, bonus and deduction, and the hierarchy the numbering gives', async () => {
        const { m } = await model(PLAN);
        const s = m.tables[1].scoring!;
        expect(s.roots.map(r => [r.label, r.max?.value, r.bonus?.value])).toEqual([
            ['I', 30, undefined],
            ['II', 70, 5]
        ]);
        expect(s.roots[0].children.map(c => [c.label, c.max?.value, c.deduction?.value])).toEqual([
            ['1', 10, -2],
            ['2', 10, undefined],
            ['3', 10, undefined]
        ]);
        expect(s.roots[1].children[1].children.map(c => [c.label, c.max?.value])).toEqual([
            ['a', 20],
            ['b', 10]
        ]);
        expect(s.total?.max?.value).toBe(100);
        expect(s.columns).toMatchObject({ stt: 0, criterion: 1, max: 2, bonus: 3, deduction: 4, guide: 5 });
    });

    test('a table without criterion and point columns is not a scoring table', () => {
        expect(
            readScoring(
                buildGrid([
                    ['STT', 'Chỉ tiêu', 'Đơn vị'],
                    ['---', '---', '---'],
                    ['1', 'a', 'km']
                ])
            )
        ).toBeUndefined();
    });

    test('numbering a1, a1.1 under a, and 1.1 under 1', () => {
        const s = readScoring(
            buildGrid([
                ['TT', 'Nội dung', 'Điểm tối đa'],
                ['---', '---', '---'],
                ['1', 'A', '10'],
                ['1.1', 'B', '10'],
                ['a', 'C', '10'],
                ['a1', 'D', '6'],
                ['a1.1', 'E', '6'],
                ['a2', 'F', '4']
            ])
        )!;
        expect(s.roots[0].children[0].label).toBe('1.1');
        const a = s.roots[0].children[0].children[0];
        expect([a.label, a.children.map(c => c.label), a.children[0].children.map(c => c.label)]).toEqual([
            'a',
            ['a1', 'a2'],
            ['a1.1']
        ]);
    });
});

describe('annexes (Phụ lục) and rounds (đợt)', () => {
    test('the annex after the signature: heading, title, the typed "Kèm theo" line and its own body', async () => {
        const { m } = await model(PLAN);
        expect(m.annexes).toHaveLength(1);
        const a = m.annexes[0];
        expect(a.heading).toBe('PHỤ LỤC');
        expect(a.titles).toHaveLength(1);
        expect(a.attached?.info).toMatchObject({
            kind: { name: 'Kế hoạch' },
            number: { raw: '45/KH-UBND' },
            date: { day: 10, month: 3, year: 2025 },
            issuer: 'Ủy ban nhân dân huyện Nam Sơn'
        });
        expect(m.signature?.signer).toBe('Trần Văn Minh');
    });

    test('a campaign in rounds is one campaign from the first round to the last', async () => {
        const { m } = await model(PLAN);
        const day = (d?: { day?: number; month?: number; year?: number }) => d && `${d.day}/${d.month}/${d.year}`;
        expect(m.rounds.map(r => [r.label, day(r.value.start?.date), day(r.value.end?.date)])).toEqual([
            ['Đợt 1', '15/3/2025', '30/6/2025'],
            ['Đợt 2', '1/7/2025', '15/11/2025']
        ]);
        expect(day(m.campaignPeriod?.value.start?.date)).toBe('15/3/2025');
        expect(day(m.campaignPeriod?.value.end?.date)).toBe('15/11/2025');
    });

    test('a round written inside the value, a period ending at an event, long-form dates', () => {
        expect(parseValue('Đợt 2: từ ngày 01/7/2025 đến ngày 15/11/2025')).toMatchObject({
            type: 'period',
            round: 'Đợt 2',
            end: { date: { day: 15, month: 11 } }
        });
        expect(
            parseValue('từ ngày 05 tháng 02 năm 2025 đến khi tổ chức thành công Đại hội Đảng bộ huyện lần thứ XV')
        ).toMatchObject({
            type: 'period',
            start: { kind: 'date', date: { day: 5, month: 2, year: 2025 } },
            end: { kind: 'event', event: 'khi tổ chức thành công Đại hội Đảng bộ huyện lần thứ XV' }
        });
        expect(parseValue('từ ngày 20 tháng 11 năm 2025 đến ngày 10 tháng 12 năm 2025')).toMatchObject({
            start: { date: { day: 20, month: 11, year: 2025 } },
            end: { date: { day: 10, month: 12, year: 2025 } }
        });
        expect(parseValue('giai đoạn 2021-2025')).toMatchObject({
            type: 'period',
            start: { year: 2021 },
            end: { year: 2025 }
        });
        expect(parseValue('giai đoạn 2021-2025')).not.toHaveProperty('round');
    });
});

describe('no silent misreading', () => {
    test('a target whose only number is a year is qualitative; a quoted anniversary is an anniversary', () => {
        const v = parseValue('Hoàn thành vượt mức các chỉ tiêu Nghị quyết năm 2025');
        expect(v.type).toBe('indicator');
        expect(v.type === 'indicator' && v.parts[0].quantity).toBeUndefined();
        expect(parseValue('“Kỷ niệm 80 năm ngày Tổng tuyển cử đầu tiên (1946 - 2026)”')).toMatchObject({
            type: 'anniversary',
            count: 80
        });
        expect(parseValue('Tỷ lệ hộ nghèo giảm 1,5% so với năm 2024')).toMatchObject({
            parts: [{ comparison: { direction: 'giảm' } }]
        });
        expect(parseValue('Thu ngân sách đạt 22.400 triệu đồng năm 2025')).toMatchObject({
            parts: [{ quantity: { number: { value: 22400 } } }]
        });
    });
});

describe('line shapes of real plans', () => {
    const SHAPES = [
        'ĐẢNG BỘ TỈNH NAM SƠN',
        'HUYỆN ỦY ĐÔNG HÀ',
        '*',
        'Số 12-KH/HU',
        'ĐẢNG CỘNG SẢN VIỆT NAM',
        'Đông Hà, ngày 05 tháng 02',
        'năm 2025',
        '',
        'KẾ HOẠCH',
        'Thi đua chào mừng Đại hội',
        '',
        'I. MỤC ĐÍCH, YÊU CẦU',
        '',
        '**1. Mục đích**',
        '',
        '(1) Thi đua lập thành tích.',
        '',
        '(2) Tỷ lệ tính theo công thức b/a * 100%.',
        '',
        '+ Các chi bộ đăng ký thi đua;',
        '+ Các đoàn thể hưởng ứng theo hướng dẫn[^1].',
        '',
        '[^1]: Hướng dẫn của Ban Tuyên giáo.',
        '',
        'a. Đối với các chi bộ: thi đua.',
        '',
        '**b) Đối với các đoàn thể:** hưởng ứng.',
        '',
        'Nơi nhận:',
        '- Ban Thường vụ Tỉnh ủy;',
        '- Lưu Văn phòng Huyện ủy.',
        '',
        'TM. BAN THƯỜNG',
        'VỤ',
        'BÍ THƯ',
        '',
        'Nguyễn Văn An',
        ''
    ].join('\n');

    test('a Party header with its "*" line, a place-date over two lines, markers "(1)", "a.", "+", emphasis around a marker', async () => {
        const { m, root } = await model(SHAPES);
        expect([m.parentAgency, m.issuer, m.number?.form, m.date?.year, m.place]).toEqual([
            'ĐẢNG BỘ TỈNH NAM SƠN',
            'HUYỆN ỦY ĐÔNG HÀ',
            'party',
            2025,
            'Đông Hà'
        ]);
        const section = root.body[0] as { items: { mark?: string; items?: { mark?: string; bullet?: string }[] }[] };
        expect(section.items[0].mark).toBe('**1.');
        expect(section.items[0].items!.map(p => p.mark ?? p.bullet?.trim())).toEqual([
            '(1)',
            '(2)',
            '+',
            '+',
            undefined,
            'a.',
            '**b)'
        ]);
        const page = layout(root);
        expect(page.header.right.map(l => l.text)).toEqual([
            'ĐẢNG CỘNG SẢN VIỆT NAM',
            'Đông Hà, ngày 05 tháng 02 năm 2025'
        ]);
        expect(page.body.find(b => b.text.startsWith('b)'))!.segments[0]).toMatchObject({
            text: 'b) Đối với các đoàn thể:',
            bold: true
        });
        expect(page.body.some(b => b.text.includes('b/a * 100%'))).toBe(true);
    });

    test('a signature title wrapped over two lines is one quyền hạn; a footnote is a note, not a citation', async () => {
        const { m, root } = await model(SHAPES);
        expect(m.signature).toMatchObject({
            authorities: ['TM. BAN THƯỜNG VỤ'],
            titles: ['BÍ THƯ'],
            signer: 'Nguyễn Văn An'
        });
        expect(m.citations).toEqual([]);
        expect(m.footnotes.refs.map(r => r.id)).toEqual(['1']);
        const page = layout(root);
        expect(page.footnotes).toMatchObject([{ number: 1, text: 'Hướng dẫn của Ban Tuyên giáo.' }]);
        expect(page.body.some(b => b.text.startsWith('[^1]'))).toBe(false);
        expect(generateText(root)).toMatch(/theo hướng dẫn1\.[\s\S]*\n1 Hướng dẫn của Ban Tuyên giáo\.\n$/);
    });

    test('an issuer and a Quốc hiệu each written over two lines; signers side by side (liên tịch)', async () => {
        const text = [
            'ỦY BAN NHÂN DÂN',
            'TỈNH NAM SƠN',
            'CỘNG HÒA XÃ HỘI CHỦ NGHĨA',
            'VIỆT NAM',
            'Độc lập - Tự do -',
            'Hạnh phúc',
            'Số: 03/KH-UBND',
            'Nam Sơn, ngày 12 tháng 3 năm 2025',
            '',
            'KẾ HOẠCH',
            'Phối hợp thi đua',
            '',
            'I. MỤC ĐÍCH',
            'Phối hợp.',
            '',
            'Nơi nhận:',
            '- Lưu: VT.',
            '',
            'TM. ỦY BAN NHÂN DÂN',
            'CHỦ TỊCH',
            '',
            'Lê Văn Bình',
            'TM. BAN THƯỜNG TRỰC ỦY BAN MẶT TRẬN TỔ QUỐC',
            'CHỦ TỊCH',
            '',
            'Phạm Thị Hoa',
            ''
        ].join('\n');
        const { m, root, doc } = await model(text);
        expect(errorsOf(doc)).toEqual([]);
        expect(m.issuer).toBe('ỦY BAN NHÂN DÂN TỈNH NAM SƠN');
        expect(m.parentAgency).toBeUndefined();
        expect(m.signature?.others).toEqual([
            {
                authorities: ['TM. BAN THƯỜNG TRỰC ỦY BAN MẶT TRẬN TỔ QUỐC'],
                titles: ['CHỦ TỊCH'],
                signer: 'Phạm Thị Hoa'
            }
        ]);
        const page = layout(root);
        expect(page.header.right.map(l => l.text).slice(0, 2)).toEqual([
            'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
            'Độc lập - Tự do - Hạnh phúc'
        ]);
        expect(page.footer.signers.map(s => s.map(l => l.text))).toEqual([
            ['TM. BAN THƯỜNG TRỰC ỦY BAN MẶT TRẬN TỔ QUỐC', 'CHỦ TỊCH', 'Phạm Thị Hoa']
        ]);
    });

    test('emphasis: a "*" with blanks on both sides, or without a partner, is a literal star', () => {
        expect(segments('b/a * 100%')).toEqual([{ text: 'b/a * 100%', bold: false, italic: false }]);
        expect(segments('*Ghi chú: không')).toEqual([{ text: '*Ghi chú: không', bold: false, italic: false }]);
        expect(segments('**đậm** và *nghiêng*').map(s => [s.text, s.bold, s.italic])).toEqual([
            ['đậm', true, false],
            [' và ', false, false],
            ['nghiêng', false, true]
        ]);
    });
});
