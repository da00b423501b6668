import { describe, expect, test } from 'vitest';
import { segments } from '../../src/language/syntax/ast-text.js';
import {
    isDocument,
    isKhoan,
    isParagraph,
    isSection,
    isSubKhoan,
    type Document
} from '../../src/language/generated/ast.js';
import { generateText } from '../../src/generate/text.js';
import { ANNEX_FORM, buildWorkspace, codeOf, CONG_VAN, ISSUED_WITH_HEADER, parse } from '../helpers.js';

async function doc(text: string): Promise<Document> {
    const d = await parse(text);
    expect(d.parseResult.lexerErrors).toEqual([]);
    expect(d.parseResult.parserErrors).toEqual([]);
    const root = d.parseResult.value;
    if (!isDocument(root)) throw new Error('not a document');
    return root;
}

const FULL = `ỦY BAN NHÂN DÂN TỈNH LAI CHÂU
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
ỦY BAN NHÂN DÂN HUYỆN TAM ĐƯỜNG
Độc lập - Tự do - Hạnh phúc
Số: 05/KH-UBND
Tam Đường, ngày 05 tháng 01 năm 2023

KẾ HOẠCH
Phát động phong trào thi đua năm 2023

I. MỤC ĐÍCH, YÊU CẦU
1. Mục đích
a) Điểm a.
- Gạch đầu dòng.
2. Nội dung
2.1. Khoản con
Đoạn văn trong khoản con.
II. CHỈ TIÊU
- 1) {Thu ngân sách: 22.400 triệu đồng}.
Số lượng Giấy khen do Phòng Nội vụ đề xuất.
Ghi chú 1. không phải khoản; I. cũng không phải mục.

Nơi nhận:
- Như trên;
- Lưu: VT, NV.

KT. CHỦ TỊCH
PHÓ CHỦ TỊCH

Nguyễn Văn A
`;

describe('line structure', () => {
    test('header lines keep their order; number, place and date are recognised', async () => {
        const d = await doc(FULL);
        expect(d.headerLines.map(h => h.agency ?? h.quocHieu ?? h.tieuNgu)).toEqual([
            'ỦY BAN NHÂN DÂN TỈNH LAI CHÂU',
            'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
            'ỦY BAN NHÂN DÂN HUYỆN TAM ĐƯỜNG',
            'Độc lập - Tự do - Hạnh phúc'
        ]);
        expect(d.numberLine).toBe('Số: 05/KH-UBND');
        expect(d.placeDate).toBe('Tam Đường, ngày 05 tháng 01 năm 2023');
        expect(d.kind?.trim()).toBe('KẾ HOẠCH');
    });

    test('sections, khoản, sub-khoản, điểm and bullets nest', async () => {
        const d = await doc(FULL);
        const [s1, s2] = d.body;
        expect(isSection(s1) && isSection(s2)).toBe(true);
        if (!isSection(s1) || !isSection(s2)) return;
        expect(s1.mark).toBe('I.');
        const [k1, k2] = s1.items;
        expect(isKhoan(k1) && k1.items.map(i => (isParagraph(i) ? (i.mark ?? i.bullet?.trim()) : ''))).toEqual([
            'a)',
            '-'
        ]);
        expect(isKhoan(k2) && isSubKhoan(k2.items[0]) && k2.items[0].items.length).toBe(1);
        const indicator = s2.items[0];
        expect(isParagraph(indicator) && [indicator.bullet, indicator.mark]).toEqual(['- ', '1)']);
    });

    test('markers count only at the start of a line; "Số lượng" is prose, not a number line', async () => {
        const d = await doc(FULL);
        const s2 = d.body[1];
        if (!isSection(s2)) throw new Error();
        expect(s2.items.slice(1).every(isParagraph)).toBe(true);
        expect(generateText(d)).toContain('Ghi chú 1. không phải khoản; I. cũng không phải mục.');
    });

    test('Nơi nhận and a KT. signature', async () => {
        const d = await doc(FULL);
        expect(d.noiNhan?.items).toHaveLength(2);
        expect(d.signature).toMatchObject({
            authorities: ['KT. CHỦ TỊCH'],
            titles: ['PHÓ CHỦ TỊCH'],
            signer: 'Nguyễn Văn A'
        });
    });

    test('a kind title with its "(Ban hành kèm theo …)" line after the Nơi nhận is a text issued with it', async () => {
        const issued =
            'KẾ HOẠCH\nTriển khai xác định Chỉ số cải cách hành chính năm 2013\n' +
            '(Ban hành kèm theo Quyết định số 100/QĐ-BNV ngày 11/02/2014 của Bộ trưởng Bộ Nội vụ)\n\nI. MỤC ĐÍCH\nĐoạn.\n';
        const d = await doc(FULL.replace('KẾ HOẠCH\n', 'QUYẾT ĐỊNH\n') + '\n' + issued);
        expect(d.annexes.map(a => a.heading)).toEqual(['KẾ HOẠCH']);
        expect(d.signature?.signer).toBe('Nguyễn Văn A');
        // Alone in a file (no Nơi nhận before it), the same lines are the document's own title.
        expect((await doc(issued)).kind).toBe('KẾ HOẠCH');
    });

    test('a text issued with the document repeats the header above its title; the signature keeps its own', async () => {
        const d = await doc(FULL + '\n' + ISSUED_WITH_HEADER);
        expect(d.signature).toMatchObject({ titles: ['PHÓ CHỦ TỊCH'], signer: 'Nguyễn Văn A', others: [] });
        expect(d.annexes).toHaveLength(1);
        expect(d.annexes[0].heading).toBe('QUY CHẾ');
        expect(d.annexes[0].headerLines.map(h => h.agency ?? h.quocHieu ?? h.tieuNgu ?? h.rule)).toEqual([
            'ỦY BAN NHÂN DÂN',
            'TỈNH LAI CHÂU',
            '___________',
            'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
            'Độc lập - Tự do - Hạnh phúc',
            '_____________'
        ]);
    });

    test('a công văn: its "V/v …" line stands under the number; a form it sends repeats a header above its title', async () => {
        const d = await doc(CONG_VAN);
        expect(d.numberLine).toBe('Số: 4307/BGDĐT-VP');
        expect(d.about).toBe('V/v đề nghị khen thưởng các đồng chí lãnh đạo tỉnh');
        expect(d.signature?.signer).toBe('Phạm Mạnh Hùng');
        expect(d.annexes.map(a => [a.headerLines[0].agency, a.heading])).toEqual([
            ['SỞ GIÁO DỤC ĐÀO TẠO', 'BẢN KHAI THÀNH TÍCH CÁ NHÂN']
        ]);
        // The form's blank place and date, written in dots, close its header.
        expect(d.annexes[0].headerLines.at(-1)?.placeDate).toBe(
            '..................ngày...........tháng........năm 20..'
        );
        const text = generateText(d);
        expect(text.indexOf('V/v đề nghị')).toBeGreaterThan(text.indexOf('Số: 4307/BGDĐT-VP'));
    });

    test('a form inside a Phụ lục keeps its Quốc hiệu, number, Nơi nhận and signature lines as the annex text', async () => {
        const form = ANNEX_FORM;
        const d = await doc(FULL.replace('PHÓ CHỦ TỊCH\n\nNguyễn Văn A', 'PHÓ CHỦ TỊCH\nNguyễn Văn A') + '\n' + form);
        expect(d.noiNhan?.items).toHaveLength(2);
        expect(d.signature?.signer).toBe('Nguyễn Văn A');
        expect(d.annexes.map(a => a.heading)).toEqual(['PHỤ LỤC I']);
        expect(generateText(d)).toContain('Số: ……/……');
        // A Phụ lục alone in its file holds a form the same way.
        expect((await doc(form)).annexes).toHaveLength(1);
    });

    test('"(Đã ký)" of a published copy stands between the chức vụ and the name; in a sentence it is prose', async () => {
        const root = await doc(
            'BÁO CÁO\nKết quả\n\n(Đã ký) ở đầu một câu là chữ.\n\nNơi nhận:\n- Lưu: VT.\n\nHIỆU TRƯỞNG\n( Đã ký)\nNinh Văn Hưng\n'
        );
        expect(root.signature?.signed).toBe('( Đã ký)');
        expect(root.signature?.signer).toBe('Ninh Văn Hưng');
        expect(generateText(root)).toMatch(/HIỆU TRƯỞNG\n+\( Đã ký\)\n+Ninh Văn Hưng/);
        expect(generateText(root)).toContain('(Đã ký) ở đầu một câu là chữ.');
    });

    test('comments are not part of the document; escaped brackets are', async () => {
        const d = await doc('// ghi chú của người soạn\nMột đoạn có dấu \\[1\\] và \\{a\\}.\n');
        expect(generateText(d)).toBe('Một đoạn có dấu [1] và {a}.\n');
    });

    test('an indicator id is not part of the text, nor the space after it', async () => {
        const d = await doc('3) {#thu_ngan_sach Thu ngân sách: 22.400 triệu đồng}; {@thu_ngan_sach đạt kế hoạch}.\n');
        expect(generateText(d)).toBe('3) Thu ngân sách: 22.400 triệu đồng; đạt kế hoạch.\n');
    });

    test('a URL in prose is not a comment', async () => {
        const d = await doc('Xem http://example.vn/tin-tuc để biết thêm.\n');
        expect(generateText(d)).toContain('http://example.vn/tin-tuc');
    });

    test('a document without a final newline parses', async () => {
        const d = await doc('Đoạn cuối không có xuống dòng./.');
        expect(generateText(d)).toBe('Đoạn cuối không có xuống dòng./.\n');
    });

    test('emphasis: *italic*, **bold**, ***both***', () => {
        expect(segments('a ***“Đoàn kết”*** b *c* **d**')).toEqual([
            { text: 'a ', bold: false, italic: false },
            { text: '“Đoàn kết”', bold: true, italic: true },
            { text: ' b ', bold: false, italic: false },
            { text: 'c', bold: false, italic: true },
            { text: ' ', bold: false, italic: false },
            { text: 'd', bold: true, italic: false }
        ]);
    });
});

describe('errors a drafter sees are Vietnamese and say how to fix', () => {
    test('an unclosed citation', async () => {
        const d = await parse('Theo [Chỉ thị số 34-CT/TW ngày 7/4/2014\nĐoạn sau.\n');
        const messages = d.parseResult.parserErrors.map(e => e.message);
        expect(messages[0]).toBe(
            'Trích dẫn văn bản mở bằng "[" nhưng chưa đóng: hãy thêm "]" ở cuối trích dẫn, trên cùng dòng.'
        );
        expect(d.parseResult.parserErrors[0].token.startOffset).toBe(5);
    });

    test('an unclosed value', async () => {
        const d = await parse('Thu ngân sách {22.400 triệu đồng\n');
        expect(d.parseResult.parserErrors[0].message).toBe(
            'Giá trị mở bằng "{" nhưng chưa đóng: hãy thêm "}" ở cuối giá trị, trên cùng dòng.'
        );
    });

    test('a stray closing bracket', async () => {
        const d = await parse('Văn bản có dấu ] lạc.\n');
        expect(d.parseResult.lexerErrors[0].message).toBe(
            'Dấu "]" không có dấu "[" mở trích dẫn tương ứng. Nếu đây là chữ của văn bản, hãy viết "\\]".'
        );
    });

    test('a citation that is not in the registry is information, not a linking error', async () => {
        const docs = await buildWorkspace({
            'a.thidua': 'Theo [Chỉ thị số 99-CT/TW ngày 1/1/2020 của Bộ Chính trị].\n',
            'so.thidua': 'SỔ VĂN BẢN\n- [Chỉ thị số 34-CT/TW ngày 07/4/2014 của Bộ Chính trị] về thi đua\n'
        });
        const diags = docs.get('a.thidua')!.diagnostics ?? [];
        const unknown = diags.filter(d => codeOf(d) === 'trich-dan-chua-dang-ky');
        expect(unknown.map(d => [d.severity, d.message])).toEqual([
            [
                3,
                'Văn bản số 99-CT/TW chưa có trong sổ văn bản. Hãy thêm vào sổ (tệp bắt đầu bằng dòng "SỔ VĂN BẢN") để kiểm tra được số, ngày và cơ quan ban hành. (NĐ 30, Phụ lục I, mục II.6b)'
            ]
        ]);
        expect(unknown[0].range.start.character).toBe(17);
        expect(diags.filter(d => d.severity === 1)).toEqual([]);
    });

    test('messages are in Unicode NFC', async () => {
        const d = await parse('Theo [Chỉ thị số 34-CT/TW\n');
        for (const e of d.parseResult.parserErrors) expect(e.message).toBe(e.message.normalize('NFC'));
    });
});
