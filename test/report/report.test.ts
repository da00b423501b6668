import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import mammoth from 'mammoth';
import { describe, expect, test } from 'vitest';
import { render } from '../../src/generate/render.js';
import { generateHtml } from '../../src/generate/html.js';
import type { ThiduaHoverProvider } from '../../src/language/lsp/thidua-hover-provider.js';
import { Diagnostic } from 'vscode-languageserver';
import { check, edit, one } from '../checks/check-helpers.js';
import { EXAMPLES_DIR, codeOf } from '../helpers.js';
import { positionOf, withCursor } from '../lsp/lsp-helpers.js';

const PLAN = readFileSync(join(EXAMPLES_DIR, '000-chi-thi-ha-lang-2023.thidua'), 'utf8');
const TONG_KET = readFileSync(join(EXAMPLES_DIR, 'bao-cao-tong-ket-2023-ha-lang.thidua'), 'utf8');
const SO_KET = readFileSync(join(EXAMPLES_DIR, 'bao-cao-so-ket-6-thang-2023-ha-lang.thidua'), 'utf8');
const files = { 'ke-hoach.thidua': PLAN };
const codes = async (text: string) => (await check(text, files)).diagnostics.map(codeOf);

describe('report checks', () => {
    test('the example reports are right', async () => {
        expect(await codes(TONG_KET)).toEqual([]);
        expect(await codes(SO_KET)).toEqual([]);
    });

    test('an indicator of the plan without a result (tổng kết), not required in a sơ kết', async () => {
        const c = await check(edit(TONG_KET, '17) {@c17 Độ che phủ rừng: 60,7%, đạt}.\n', ''), files);
        const d = one(c, 'bao-cao-thieu-ket-qua');
        expect(d.severity).toBe(2);
        expect(d.message).toMatch(
            /^Chỉ tiêu "#c17" \(Duy trì độ che phủ rừng\) của kế hoạch chưa có kết quả trong báo cáo\./
        );
        expect(c.covered(d)).toBe('BÁO CÁO');
        expect((await check(SO_KET, files)).diagnostics.filter(x => codeOf(x) === 'bao-cao-thieu-ket-qua')).toEqual([]);
    });

    test('a result for an indicator the plan does not have', async () => {
        const c = await check(edit(TONG_KET, '{@c17 Độ che phủ rừng', '{@c99 Độ che phủ rừng'), files);
        const d = c.diagnostics.find(x =>
            Diagnostic.getMessageString(x).startsWith('Chưa có chỉ tiêu nào mang mã "#c99"')
        )!;
        expect(d.severity).toBe(1);
        expect(c.covered(d)).toBe('@c99');
    });

    test('a unit that does not convert', async () => {
        const c = await check(
            edit(TONG_KET, '23.000 triệu đồng, bằng 102,7% kế hoạch, vượt', '23.000 hộ, vượt'),
            files
        );
        expect(one(c, 'bao-cao-don-vi').message).toMatch(
            /^Kết quả tính bằng "hộ" nhưng chỉ tiêu tính bằng "triệu đồng"/
        );
    });

    test('tỷ đồng against triệu đồng converts and agrees', async () => {
        expect(
            await codes(edit(TONG_KET, '23.000 triệu đồng, bằng 102,7% kế hoạch', '23 tỷ đồng, bằng 102,7% kế hoạch'))
        ).toEqual([]);
    });

    test('a stated percentage that contradicts the numbers, with its fix', async () => {
        const text = edit(TONG_KET, 'bằng 102,7% kế hoạch', 'bằng 112,7% kế hoạch');
        const c = await check(text, files);
        const d = one(c, 'bao-cao-sai-ty-le');
        expect(d.message).toMatch(/^Ghi 112,7% nhưng tính theo số liệu là 102,7% kế hoạch\./);
        expect(c.covered(d)).toBe('112,7');
        expect((await c.fix(d))['doc.thidua']).toBe(TONG_KET);
    });

    test('a stated status that contradicts the numbers, with its fix', async () => {
        const text = edit(TONG_KET, '390 hộ, bằng 92,9% kế hoạch, không đạt', '390 hộ, bằng 92,9% kế hoạch, đạt');
        const c = await check(text, files);
        const d = one(c, 'bao-cao-sai-trang-thai');
        expect(d.message).toMatch(/^Ghi "đạt" nhưng theo số liệu chỉ tiêu này không đạt\./);
        expect((await c.fix(d))['doc.thidua']).toBe(TONG_KET);
    });

    test('a summary count that contradicts the results, with its fix', async () => {
        const c = await check(edit(TONG_KET, '17/19 chỉ tiêu', '18/19 chỉ tiêu'), files);
        const d = one(c, 'bao-cao-sai-tong-hop');
        expect(d.message).toMatch(
            /^Ghi "18\/19 chỉ tiêu" nhưng theo kết quả từng chỉ tiêu là 17\/19 chỉ tiêu đạt và vượt\./
        );
        expect((await c.fix(d))['doc.thidua']).toBe(TONG_KET);
    });

    test('a tổng kết dated before the campaign ends is an error; a sơ kết may be', async () => {
        const early = edit(TONG_KET, 'ngày 10 tháng 01 năm 2024', 'ngày 15 tháng 12 năm 2023');
        const d = one(await check(early, files), 'bao-cao-truoc-ky');
        expect([
            d.severity,
            Diagnostic.getMessageString(d).startsWith('Báo cáo tổng kết được ký trước khi kết thúc thời gian thi đua')
        ]).toEqual([1, true]);
        expect(await codes(SO_KET)).toEqual([]);
    });
});

describe('reports in the editor and in Word', () => {
    test('hover and inlay hint on a result: completion and status', async () => {
        const ws = await withCursor(TONG_KET, files);
        const hover = ws.services.Thidua.lsp.HoverProvider as ThiduaHoverProvider;
        const h = await hover.getHoverContent(ws.doc, {
            textDocument: ws.textDocument,
            position: positionOf(ws.doc, 'Thu ngân sách trên', 2)
        });
        expect((h!.contents as { value: string }).value).toContain('**Kết quả:** 102,7% kế hoạch — vượt');
        const hints = await ws.services.Thidua.lsp.InlayHintProvider!.getInlayHints(ws.doc, {
            textDocument: ws.textDocument,
            range: { start: { line: 0, character: 0 }, end: ws.doc.textDocument.positionAt(TONG_KET.length) }
        });
        expect(hints!.map(x => x.label)).toContain(' ⇒ 50,0% kế hoạch · không đạt');
    });

    test('the exported .docx has the table (target, actual, %, status) and the summary line', async () => {
        const ws = await withCursor(TONG_KET, files);
        const bytes = (await render(ws.doc.parseResult.value, 'docx')) as Uint8Array;
        const text = (await mammoth.extractRawText({ buffer: Buffer.from(bytes) })).value.replace(/\s+/g, ' ');
        expect(text).toContain('STT Chỉ tiêu Kế hoạch Thực hiện Tỷ lệ Đánh giá');
        expect(text).toContain('3 Thu ngân sách trên địa bàn 22.400 triệu đồng 23.000 triệu đồng 102,7% vượt');
        expect(text).toContain('18 Tỷ lệ hộ dân được sử dụng nước hợp vệ sinh trên 99% 99,2% 100,2% vượt');
        expect(text).toContain('Tổng hợp: 17/19 chỉ tiêu đạt và vượt.');
        const xml = await (await JSZip.loadAsync(bytes)).file('word/document.xml')!.async('string');
        expect(xml.match(/<w:tbl>/g)!.length).toBe(3);
        expect(generateHtml(ws.doc.parseResult.value)).toContain(
            '<td>4</td><td>Thành lập mới HTX</td><td>02 HTX</td><td>01 HTX</td><td>50,0%</td><td>không đạt</td>'
        );
    });
});
