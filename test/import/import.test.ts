import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mammoth from 'mammoth';
import { describe, expect, test } from 'vitest';
import { render } from '../../src/generate/render.js';
import { layout, pageTexts } from '../../src/generate/layout.js';
import { generateText } from '../../src/generate/text.js';
import { importText } from '../../src/import/import.js';
import { buildModel, type DocumentModel } from '../../src/language/model/thidua-document-model.js';
import { toIso } from '../../src/domain/dates.js';
import { leftOut, normalise, seedOf } from '../fixtures/seed-map.js';
import { exampleTexts, workspace } from '../helpers.js';

const examples = exampleTexts();
const counts = (m: DocumentModel) => ({
    indicators: m.indicators.length,
    citations: m.citations.length,
    dates: m.values.filter(v => v.value.type !== 'indicator').length
});
const quantities = (m: DocumentModel) =>
    m.indicators
        .flatMap(i =>
            i.value.parts.map(
                p =>
                    `${p.quantity && 'number' in p.quantity ? p.quantity.number.value : p.quantity?.kind} ${p.unit ?? ''}`
            )
        )
        .sort();
const norm = (s: string) => s.normalize('NFC').replace(/\s+/g, ' ').trim();

async function parsed(text: string) {
    const { docs } = await workspace({ 'doc.thidua': text });
    const doc = docs.get('doc.thidua')!;
    return { doc, root: doc.parseResult.value, model: buildModel(doc.parseResult.value) };
}

describe('importing the seed texts', () => {
    for (const [example, seed] of Object.entries(seedOf)) {
        test(`${seed}: parses, loses no word, types at least what ${example} types`, async () => {
            let raw = readFileSync(join(import.meta.dirname, '..', 'fixtures', 'seeds', seed), 'utf8');
            for (const chrome of leftOut[seed] ?? []) raw = raw.replace(chrome, '');
            const imported = await parsed(importText(raw).text);
            expect(imported.doc.parseResult.lexerErrors).toEqual([]);
            expect(imported.doc.parseResult.parserErrors).toEqual([]);
            expect(normalise(generateText(imported.root))).toBe(normalise(raw));
            const hand = counts((await parsed(examples[example])).model);
            const got = counts(imported.model);
            expect(got.indicators).toBeGreaterThanOrEqual(hand.indicators);
            expect(got.citations).toBeGreaterThanOrEqual(hand.citations);
            expect(got.dates).toBeGreaterThanOrEqual(hand.dates);
        });
    }
});

describe('round trip: export each example to .docx, import the .docx', () => {
    for (const [example] of Object.entries(seedOf)) {
        test(example, async () => {
            const original = await parsed(examples[example]);
            const bytes = (await render(original.root, 'docx')) as Uint8Array;
            const text = (await mammoth.extractRawText({ buffer: Buffer.from(bytes) })).value;
            const back = await parsed(importText(text).text);
            expect(back.doc.parseResult.parserErrors).toEqual([]);
            expect(norm(pageTexts(layout(back.root)).join(' '))).toBe(norm(pageTexts(layout(original.root)).join(' ')));
            const numbers = (m: DocumentModel) => m.citations.map(c => c.info.docNumber?.raw ?? c.info.name).sort();
            expect(numbers(back.model)).toEqual(expect.arrayContaining(numbers(original.model)));
            expect(quantities(back.model)).toEqual(expect.arrayContaining(quantities(original.model)));
        });
    }
});

describe('headers as law sites give them', () => {
    const body =
        '\nKẾ HOẠCH\nPhát động phong trào thi đua năm 2023\n\nI. MỤC ĐÍCH\nThực hiện Chỉ thị số 34-CT/TW ngày 07/4/2014 của Bộ Chính trị về thi đua.\n';
    const expectHeader = async (text: string) => {
        const { model } = await parsed(importText(text).text);
        expect(model).toMatchObject({
            parentAgency: 'ỦY BAN NHÂN DÂN TỈNH LAI CHÂU',
            issuer: 'ỦY BAN NHÂN DÂN HUYỆN TAM ĐƯỜNG',
            place: 'Tam Đường',
            kindTitle: 'KẾ HOẠCH'
        });
        expect(model.number).toMatchObject({ number: 5, typeCode: 'KH', issuerCode: 'UBND' });
        expect(toIso(model.date!)).toBe('2023-01-05');
        expect(model.citations[0].info.docNumber?.raw).toBe('34-CT/TW');
    };

    test('"|"-separated columns', async () => {
        await expectHeader(
            'ỦY BAN NHÂN DÂN TỈNH LAI CHÂU | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nỦY BAN NHÂN DÂN HUYỆN TAM ĐƯỜNG | Độc lập - Tự do - Hạnh phúc\nSố: 05/KH-UBND | Tam Đường, ngày 05 tháng 01 năm 2023\n' +
                body
        );
    });

    test('flattened rows', async () => {
        await expectHeader(
            'ỦY BAN NHÂN DÂN TỈNH LAI CHÂU\nỦY BAN NHÂN DÂN HUYỆN TAM ĐƯỜNG CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc\nSố: 05/KH-UBND Tam Đường, ngày 05 tháng 01 năm 2023\n' +
                body
        );
    });
});

describe('thidua import (CLI)', () => {
    const BIN = join(import.meta.dirname, '..', '..', 'bin', 'thidua.cjs');
    const run = (args: string[], cwd: string) => spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8' });
    // Unicode → TCVN3, the inverse of the decoder's table, for lower-case Vietnamese.
    const TO_TCVN3: Record<string, number> = {
        ò: 0xdf,
        ộ: 0xe9,
        ụ: 0xf4,
        ủ: 0xf1,
        ì: 0xd7,
        ạ: 0xb9,
        đ: 0xae,
        ế: 0xd5,
        ố: 0xe8,
        ư: 0xad,
        ờ: 0xea,
        ă: 0xa8,
        ê: 0xaa,
        á: 0xb8,
        ả: 0xb6,
        à: 0xb5,
        ấ: 0xca,
        ớ: 0xed
    };
    const tcvn3 = (s: string) => Buffer.from([...s].map(c => TO_TCVN3[c] ?? c.charCodeAt(0)));

    test('a TCVN3 text file is converted to Unicode, said so, and typed', () => {
        const dir = mkdtempSync(join(tmpdir(), 'thidua-import-'));
        writeFileSync(join(dir, 'cu.txt'), tcvn3('Phòng Nội vụ chủ trì, báo cáo kết quả trước ngày 15/12/2023.\n'));
        const r = run(['import', 'cu.txt'], dir);
        expect(r.status).toBe(0);
        expect(r.stderr).toBe('cu.txt: đã chuyển mã từ TCVN3 (ABC, phông .VnTime) sang Unicode (NFC).\n');
        expect(r.stdout).toContain(
            'Đã nhập: cu.thidua — 0 chỉ tiêu, 0 trích dẫn, 1 mốc thời gian; 0 dòng giữ nguyên là văn xuôi.'
        );
        expect(readFileSync(join(dir, 'cu.thidua'), 'utf8')).toBe(
            'Phòng Nội vụ chủ trì, báo cáo kết quả {trước ngày 15/12/2023}.\n'
        );
    });

    test('Windows-1258 is told from TCVN3 and VNI by which reading gives Vietnamese syllables; an unsure guess is refused', () => {
        const dir = mkdtempSync(join(tmpdir(), 'thidua-import-'));
        const line = 'Phòng Nội vụ chủ trì, phối hợp với các cơ quan, đơn vị tổng hợp kết quả thi đua của huyện.\n';
        // Windows-1258 writes a letter (with its hat or horn) and then a combining tone byte.
        const BYTES: Record<string, number> = {
            '\u0300': 0xcc,
            '\u0301': 0xec,
            '\u0309': 0xd2,
            '\u0303': 0xde,
            '\u0323': 0xf2,
            đ: 0xf0,
            ơ: 0xf5,
            ư: 0xfd,
            ô: 0xf4,
            ê: 0xea,
            â: 0xe2,
            ă: 0xe3
        };
        const cp = Buffer.from(
            [...line].flatMap(c => {
                const parts = [...c.normalize('NFD')];
                const tone = parts.filter(x => /[\u0300\u0301\u0303\u0309\u0323]/.test(x));
                const base = parts
                    .filter(x => !tone.includes(x))
                    .join('')
                    .normalize('NFC');
                return [BYTES[base] ?? base.charCodeAt(0), ...tone.map(t => BYTES[t])];
            })
        );
        writeFileSync(join(dir, 'w.txt'), cp);
        const r = run(['import', 'w.txt'], dir);
        expect(r.stderr).toBe('w.txt: đã chuyển mã từ Windows-1258 sang Unicode (NFC).\n');
        expect(readFileSync(join(dir, 'w.thidua'), 'utf8')).toBe(line);
        // Bytes that read as no encoding's Vietnamese: refused with the way to convert, nothing written.
        writeFileSync(
            join(dir, 'x.txt'),
            Buffer.from([0x41, 0x9c, 0x9d, 0x20, 0x42, 0x9e, 0x9f, 0x20, 0x43, 0x8c, 0x8d, 0x0a])
        );
        const x = run(['import', 'x.txt'], dir);
        expect(x.status).toBe(2);
        expect(x.stderr).toMatch(/không nhận ra chắc chắn bảng mã cũ nào .*Unikey/);
        expect(existsSync(join(dir, 'x.thidua'))).toBe(false);
    });

    test('a small .docx that unpacks to more than 200 MB is refused quickly, nothing written', async () => {
        const { default: JSZip } = await import('jszip');
        const { Readable } = await import('node:stream');
        const dir = mkdtempSync(join(tmpdir(), 'thidua-import-'));
        const zip = new JSZip();
        zip.file(
            '[Content_Types].xml',
            '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'
        );
        const chunk = Buffer.alloc(1024 * 1024, 0x20);
        zip.file(
            'word/document.xml',
            Readable.from(
                (function* () {
                    for (let i = 0; i < 210; i++) yield chunk;
                })()
            )
        );
        writeFileSync(join(dir, 'bom.docx'), await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
        const r = run(['import', 'bom.docx'], dir);
        expect(r.status).toBe(2);
        expect(r.stderr).toContain('giải nén ra hơn 200 MB: quá lớn để nhập');
        expect(existsSync(join(dir, 'bom.thidua'))).toBe(false);
    }, 60_000);

    test('UTF-16 with a BOM is read; an empty text is refused and nothing is written', () => {
        const dir = mkdtempSync(join(tmpdir(), 'thidua-import-'));
        writeFileSync(
            join(dir, 'u.txt'),
            Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Phòng Nội vụ chủ trì.\n', 'utf16le')])
        );
        expect(run(['import', 'u.txt'], dir).status).toBe(0);
        expect(readFileSync(join(dir, 'u.thidua'), 'utf8')).toBe('Phòng Nội vụ chủ trì.\n');
        writeFileSync(join(dir, 'rong.txt'), '');
        const r = run(['import', 'rong.txt'], dir);
        expect(r.status).toBe(2);
        expect(r.stderr).toContain('không có chữ nào để nhập');
        expect(existsSync(join(dir, 'rong.thidua'))).toBe(false);
    });

    test('a .docx: the registry gets each cited document once; an existing .thidua is never overwritten', async () => {
        const dir = mkdtempSync(join(tmpdir(), 'thidua-import-'));
        const original = await parsed(examples['000-chi-thi-ha-lang-2023.thidua']);
        writeFileSync(join(dir, 'a.docx'), await render(original.root, 'docx'));
        writeFileSync(join(dir, 'b.docx'), await render(original.root, 'docx'));
        const r = run(['import', 'a.docx', 'b.docx'], dir);
        expect(r.status).toBe(0);
        expect(r.stdout).toContain('Đã nhập: a.thidua — 19 chỉ tiêu, 7 trích dẫn');
        // Four are cited in full; "Chỉ thị số 05-CT/TW ngày 15/5/2016" names no issuer: not written into the registry.
        expect(r.stdout).toContain('thêm 4 văn bản vào so-van-ban.thidua');
        const registry = readFileSync(join(dir, 'so-van-ban.thidua'), 'utf8');
        expect(registry.match(/34-CT\/TW/g)).toHaveLength(1);
        expect(registry.split('\n').filter(l => l.startsWith('- ['))).toHaveLength(4);
        expect(registry).not.toContain('05-CT/TW');
        // A registry saved as UTF-16 is read as one; one that is not a text is left as it was, and the drafter told.
        const utf16 = '\uFEFFSỔ VĂN BẢN\n- [Chỉ thị số 34-CT/TW ngày 07/4/2014 của Bộ Chính trị] về thi đua\n';
        writeFileSync(join(dir, 'so-van-ban.thidua'), Buffer.from(utf16, 'utf16le'));
        writeFileSync(join(dir, 'c.docx'), await render(original.root, 'docx'));
        expect(run(['import', 'c.docx'], dir).stdout).toContain('thêm 3 văn bản vào so-van-ban.thidua');
        const reread = readFileSync(join(dir, 'so-van-ban.thidua'), 'utf8');
        expect(reread.startsWith('SỔ VĂN BẢN\n- [Chỉ thị số 34-CT/TW')).toBe(true);
        expect(reread.match(/34-CT\/TW/g)).toHaveLength(1);
        const binary = Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0, 0xff, 0xfe, 0, 1]);
        writeFileSync(join(dir, 'so-van-ban.thidua'), binary);
        writeFileSync(join(dir, 'd.docx'), await render(original.root, 'docx'));
        const kept = run(['import', 'd.docx'], dir);
        expect(kept.stderr).toContain('Chưa thêm văn bản nào vào so-van-ban.thidua: Tệp');
        expect(kept.stderr).toContain('là tệp nhị phân');
        expect(readFileSync(join(dir, 'so-van-ban.thidua'))).toEqual(binary);
        const again = run(['import', 'a.docx'], dir);
        expect(again.status).toBe(2);
        expect(again.stderr).toBe(
            `Đã có tệp a.thidua: không ghi đè. Hãy xóa hoặc đổi tên tệp cũ, hoặc chọn --out khác.\n`
        );
    });
});
