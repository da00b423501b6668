import JSZip from 'jszip';
import mammoth from 'mammoth';
import { describe, expect, test } from 'vitest';
import { render } from '../../src/generate/render.js';
import { layout, layoutLines, pageTexts } from '../../src/generate/layout.js';
import { generateText } from '../../src/generate/text.js';
import { isDocument, type Model } from '../../src/language/generated/ast.js';
import { ISSUED_DOCUMENT, loadExamples, parse } from '../helpers.js';

const examples = [...(await loadExamples()).entries()].filter(([, d]) => isDocument(d.parseResult.value));
const norm = (s: string) => s.normalize('NFC').replace(/\s+/g, ' ').trim();

async function docx(root: Model, options = {}) {
    const bytes = (await render(root, 'docx', options)) as Uint8Array;
    const zip = await JSZip.loadAsync(bytes);
    const xml = await zip.file('word/document.xml')!.async('string');
    const headers = await Promise.all(
        Object.keys(zip.files)
            .filter(f => /^word\/header\d*\.xml$/.test(f))
            .map(f => zip.file(f)!.async('string'))
    );
    return { bytes, xml, headers };
}

/** The run (w:r) holding `text`, with its properties. */
function runOf(xml: string, text: string): string {
    const runs = xml.match(/<w:r>(?:(?!<\/w:r>).)*<\/w:r>/gs) ?? [];
    const run = runs.find(r => r.includes(`>${text}`));
    if (!run) throw new Error(`no run with "${text}"`);
    return run;
}
const size = (run: string) => Number(/<w:sz w:val="(\d+)"\/>/.exec(run)?.[1]) / 2;
const bold = (run: string) => /<w:b\/>|<w:b w:val="(true|1)"\/>/.test(run);
const italic = (run: string) => /<w:i\/>|<w:i w:val="(true|1)"\/>/.test(run);

describe('Word export (read back from the .docx)', () => {
    for (const [name, doc] of examples) {
        test(`${name}: mammoth's text is the document's text (plus the Quốc hiệu and Tiêu ngữ the page requires)`, async () => {
            const root = doc.parseResult.value;
            const { bytes } = await docx(root);
            const text = (await mammoth.extractRawText({ buffer: Buffer.from(bytes) })).value;
            const lines = layoutLines(layout(root));
            expect(norm(text)).toBe(norm(pageTexts(layout(root)).join(' ')));
            expect(
                norm(
                    lines
                        .filter(l => !l.implied)
                        .map(l => l.text)
                        .join(' ')
                )
            ).toBe(norm(generateText(root)));
        });
    }

    test('A4 portrait, margins 20/20/30/15 mm (in twips, rounded down), Times New Roman for every script', async () => {
        const { xml } = await docx(examples[2][1].parseResult.value);
        expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
        const mar = /<w:pgMar ([^>]*)\/>/.exec(xml)![1];
        expect(mar).toMatch(/w:top="1133"/);
        expect(mar).toMatch(/w:bottom="1133"/);
        expect(mar).toMatch(/w:left="1700"/);
        expect(mar).toMatch(/w:right="850"/);
        expect(runOf(xml, 'KẾ HOẠCH')).toMatch(
            /<w:rFonts w:ascii="Times New Roman" w:cs="Times New Roman" w:eastAsia="Times New Roman" w:hAnsi="Times New Roman"\/>/
        );
    });

    test('margins are configurable within the standard and clamped to it', async () => {
        const { xml } = await docx(examples[2][1].parseResult.value, { margins: { top: 25, left: 50, right: 10 } });
        const mar = /<w:pgMar ([^>]*)\/>/.exec(xml)![1];
        expect(mar).toMatch(/w:top="1417"/);
        expect(mar).toMatch(/w:left="1984"/);
        expect(mar).toMatch(/w:right="850"/);
    });

    test('sizes and styles per component (NĐ 30 Phụ lục I)', async () => {
        const { xml } = await docx(examples[2][1].parseResult.value);
        const quocHieu = runOf(xml, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
        expect([size(quocHieu), bold(quocHieu)]).toEqual([12, true]);
        const tieuNgu = runOf(xml, 'Độc lập - Tự do - Hạnh phúc');
        expect([size(tieuNgu), bold(tieuNgu)]).toEqual([14, true]);
        const so = runOf(xml, 'Số: /KH-UBND');
        expect([size(so), bold(so)]).toEqual([13, false]);
        const date = runOf(xml, 'Tam Đường, ngày tháng năm 2022');
        expect([size(date), italic(date)]).toEqual([14, true]);
        const kind = runOf(xml, 'KẾ HOẠCH');
        expect([size(kind), bold(kind)]).toEqual([14, true]);
        const section = runOf(xml, 'I. MỤC ĐÍCH, YÊU CẦU');
        expect(bold(section)).toBe(true);
        const body = runOf(xml, 'Phát động các phong trào thi đua');
        expect([size(body), bold(body), italic(body)]).toEqual([14, false, false]);
        const noiNhan = runOf(xml, 'Nơi nhận:');
        expect([size(noiNhan), bold(noiNhan), italic(noiNhan)]).toEqual([12, true, true]);
        const luu = runOf(xml, '- Lưu: VT, NV.');
        expect(size(luu)).toBe(11);
        const signer = runOf(xml, 'Sùng Lữ Páo');
        expect([size(signer), bold(signer)]).toEqual([14, true]);
        expect(bold(runOf(xml, 'TM. ỦY BAN NHÂN DÂN'))).toBe(true);
        expect(xml).toMatch(/<w:jc w:val="both"\/>/);
        expect(xml).toMatch(/<w:ind w:firstLine="720"\/>/);
        expect(xml).toMatch(/<w:spacing w:after="120" w:line="276"\/>/);
    });

    test('căn cứ in italics, emphasis kept', async () => {
        const k = examples.find(([n]) => n.startsWith('001'))![1].parseResult.value;
        const { xml } = await docx(k);
        expect(
            italic(runOf(xml, 'Thực hiện Kế hoạch số 104/KH-UBND ngày 29/3/2023 của Ủy ban nhân dân thành phố về'))
        ).toBe(true);
        const c = examples.find(([n]) => n.startsWith('000'))![1].parseResult.value;
        const theme = runOf(
            (await docx(c)).xml,
            '“Đoàn kết, kỷ cương, gương mẫu, chủ động đổi mới, sáng tạo, khát vọng phát triển”'
        );
        expect([bold(theme), italic(theme)]).toEqual([true, true]);
    });

    test('header and footer as borderless two-column tables', async () => {
        const { xml } = await docx(examples[2][1].parseResult.value);
        const tables = xml.match(/<w:tbl>.*?<\/w:tbl>/gs)!;
        expect(tables).toHaveLength(2);
        for (const t of tables) {
            expect((t.match(/<w:tc>/g) ?? []).length).toBe(2);
            const borders = /<w:tblBorders>(.*?)<\/w:tblBorders>/s.exec(t)![1];
            expect(borders.match(/w:val="none"/g)!.length).toBe(6);
        }
        expect(tables[0]).toContain('CỘNG HÒA');
        expect(tables[1]).toContain('Nơi nhận:');
        expect(tables[1]).toContain('Sùng Lữ Páo');
    });

    test('page numbers centred in the header from page 2 on (none on page 1)', async () => {
        const { xml, headers } = await docx(examples[2][1].parseResult.value);
        expect(xml).toMatch(/<w:titlePg\/>/);
        expect(xml).toMatch(/<w:headerReference w:type="first"/);
        const numbered = headers.filter(h => /PAGE/.test(h));
        expect(numbered).toHaveLength(1);
        expect(numbered[0]).toMatch(/<w:jc w:val="center"\/>/);
        expect(headers.some(h => !/PAGE/.test(h))).toBe(true);
    });

    test('a table of the indicators at the end, on request (--bang-chi-tieu)', async () => {
        const root = examples.find(([n]) => n.startsWith('000'))![1].parseResult.value;
        const { xml, bytes } = await docx(root, { indicatorTable: true });
        // Not called "Phụ lục": that word is kept for the annexes the drafter writes.
        expect(xml).toContain('BẢNG TỔNG HỢP CÁC CHỈ TIÊU THI ĐUA');
        expect(xml).not.toContain('Phụ lục');
        const text = (await mammoth.extractRawText({ buffer: Buffer.from(bytes) })).value;
        expect(text).toContain('Thu ngân sách trên địa bàn');
        expect(text).toMatch(/triệu đồng\s+22\.400/);
        expect(xml.match(/<w:tbl>/g)!.length).toBe(3);
    });

    test('a text issued with the document prints the header it repeats, agency left and Quốc hiệu right', async () => {
        const root = (await parse(ISSUED_DOCUMENT)).parseResult.value;
        const { bytes, xml } = await docx(root);
        const text = norm((await mammoth.extractRawText({ buffer: Buffer.from(bytes) })).value);
        expect(text).toBe(norm(pageTexts(layout(root)).join(' ')));
        const annex = text.slice(text.indexOf('Nguyễn Văn A'));
        expect(annex).toMatch(
            /ỦY BAN NHÂN DÂN TỈNH LAI CHÂU CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc QUY CHẾ/
        );
        // The agency of the issued text is bold, as the issuing agency of a header is.
        expect(bold(runOf(xml.slice(xml.lastIndexOf('Nguyễn Văn A')), 'ỦY BAN NHÂN DÂN TỈNH LAI CHÂU'))).toBe(true);
    });
});
