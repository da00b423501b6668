import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import mammoth from 'mammoth';
import { describe, expect, test } from 'vitest';
import { render } from '../../src/generate/render.js';
import { generateHtml } from '../../src/generate/html.js';
import { generateText } from '../../src/generate/text.js';
import type { Model } from '../../src/language/generated/ast.js';
import { parse } from '../helpers.js';

const PLAN = readFileSync(
    join(import.meta.dirname, '..', 'fixtures', 'correct', 'ke-hoach-phu-luc-chuan.thidua'),
    'utf8'
);
const root = (await parse(PLAN)).parseResult.value as Model;
const bytes = (await render(root, 'docx')) as Uint8Array;
const zip = await JSZip.loadAsync(bytes);
const xml = await zip.file('word/document.xml')!.async('string');
const tables = xml.match(/<w:tbl>(?:(?!<\/w:tbl>).)*<\/w:tbl>/gs) ?? [];
const rowsOf = (tbl: string) =>
    tbl.match(/<w:tr>(?:(?!<\/w:tr>).)*<\/w:tr>|<w:tr [^>]*>(?:(?!<\/w:tr>).)*<\/w:tr>/gs) ?? [];
const textOf = (s: string) => [...s.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map(m => m[1]).join('');

describe('tables and annexes in Word (read back from the .docx)', () => {
    test('one w:tbl per table (plus the header and footer layout tables), with its rows and columns', () => {
        // Header (2 columns), the body's table of indicators, the footer (Nơi nhận | chữ ký), the annex's scoring
        // table.
        expect(tables).toHaveLength(4);
        const [, indicators, , scoring] = tables;
        expect(rowsOf(indicators)).toHaveLength(4);
        expect(indicators.match(/<w:gridCol /g)).toHaveLength(4);
        expect(rowsOf(scoring)).toHaveLength(12);
        expect(scoring.match(/<w:gridCol /g)).toHaveLength(6);
        expect(textOf(rowsOf(scoring)[2])).toBe('ICÔNG TÁC CHỈ ĐẠO30');
    });

    test('merged cells: "Điểm" spans three columns, STT and Tiêu chí two rows; header rows repeat; rows do not split', () => {
        const scoring = tables[3];
        const [h1, h2, first] = rowsOf(scoring) as [string, string, string];
        expect(h1).toMatch(/<w:gridSpan w:val="3"\/>(?:(?!<\/w:tc>).)*Điểm</s);
        expect(h1.match(/<w:vMerge w:val="restart"\/>/g)).toHaveLength(3);
        expect(h2.match(/<w:vMerge w:val="continue"\/>|<w:vMerge\/>/g)).toHaveLength(3);
        expect(h1).toContain('<w:tblHeader/>');
        expect(h2).toContain('<w:tblHeader/>');
        expect(first).not.toContain('<w:tblHeader/>');
        for (const r of rowsOf(scoring)) expect(r).toContain('<w:cantSplit/>');
        // Header cells bold; a number right-aligned; a cell's two lines are two paragraphs.
        expect(h1).toMatch(/<w:b\/>(?:(?!<\/w:r>).)*STT/s);
        expect(first).toMatch(/<w:jc w:val="right"\/>(?:(?!<\/w:p>).)*>30</s);
        const twoLines = rowsOf(scoring).find(r => r.includes('Đạt chuẩn: 40 điểm'))!;
        expect(twoLines).toMatch(/Đạt chuẩn: 40 điểm<\/w:t><\/w:r><\/w:p><w:p>/);
    });

    test('the annex starts a new section (a new page), numbered from 1, in the annex form', () => {
        const sections = xml.split('<w:sectPr');
        expect(sections).toHaveLength(3);
        expect(xml).toMatch(/<w:pgNumType w:start="1"\/>/);
        const annex = sections[1];
        expect(annex).toMatch(/PHỤ LỤC/);
        expect(annex).not.toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
        const para = (t: string) => annex.match(new RegExp(`<w:p>(?:(?!</w:p>).)*${t}(?:(?!</w:p>).)*</w:p>`, 's'))![0];
        expect(para('>PHỤ LỤC<')).toMatch(/<w:jc w:val="center"\/>/);
        expect(para('>PHỤ LỤC<')).toMatch(/<w:b\/>/);
        expect(para('Kèm theo Kế hoạch')).toMatch(/<w:i\/>/);
        expect(para('BẢNG CHẤM ĐIỂM THI ĐUA')).toMatch(/<w:b\/>/);
    });

    test('the signature block and the Nơi nhận stay together; headings keep with the next line', () => {
        const footer = tables[2];
        expect(footer).toContain('<w:cantSplit/>');
        expect(textOf(footer)).toContain('Nơi nhận:');
        expect(textOf(footer)).toContain('Trần Văn Minh');
        const heading = xml.match(/<w:p>(?:(?!<\/w:p>).)*III\. THỜI GIAN THI ĐUA(?:(?!<\/w:p>).)*<\/w:p>/s)![0];
        expect(heading).toContain('<w:keepNext/>');
    });

    test('an independent reader gets every word in order: mammoth, and the text and HTML exports', async () => {
        const text = (await mammoth.extractRawText({ buffer: Buffer.from(bytes) })).value.replace(/\s+/g, ' ');
        expect(text).toContain('Thang điểm có tổng điểm chuẩn 100 điểm');
        expect(text).toMatch(
            /STT Tiêu chí Điểm Hướng dẫn chấm điểm Chuẩn Thưởng Trừ I CÔNG TÁC CHỈ ĐẠO 30 1 Ban hành kế hoạch thi đua của xã 10 -2/
        );
        expect(generateText(root)).toContain(
            '1\tBan hành kế hoạch thi đua của xã\t10\t\t-2\tBan hành chậm sau ngày 31/3/2025 trừ 2 điểm'
        );
        const html = generateHtml(root);
        expect(html).toContain('<th colspan="3" class="center">Điểm</th>');
        expect(html).toContain('<th rowspan="2" class="center">STT</th>');
        expect(html).toContain('<div class="page annex">');
        expect(html).toContain('Đạt chuẩn: 40 điểm<br>Đạt chuẩn trước ngày 15/11/2025: thưởng 5 điểm');
    });
});
