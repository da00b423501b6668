import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mammoth from 'mammoth';
import { describe, expect, test } from 'vitest';
import { render } from '../../src/cli/export.js';
import { layout, pageTexts } from '../../src/generate/layout.js';
import { generateText } from '../../src/generate/text.js';
import { importText } from '../../src/import/import.js';
import { buildModel, type DocumentModel } from '../../src/language/thidua-document-model.js';
import { toIso } from '../../src/domain/dates.js';
import { leftOut, normalise, seedOf } from '../fixtures/seed-map.js';
import { exampleTexts, workspace } from '../helpers.js';

const examples = exampleTexts();
const counts = (m: DocumentModel) => ({ indicators: m.indicators.length, citations: m.citations.length, dates: m.values.filter(v => v.value.type !== 'indicator').length });
const quantities = (m: DocumentModel) => m.indicators.flatMap(i => i.value.parts.map(p => `${p.quantity && 'number' in p.quantity ? p.quantity.number.value : p.quantity?.kind} ${p.unit ?? ''}`)).sort();
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
            const bytes = await render(original.root, 'docx') as Uint8Array;
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
    const body = '\nKẾ HOẠCH\nPhát động phong trào thi đua năm 2023\n\nI. MỤC ĐÍCH\nThực hiện Chỉ thị số 34-CT/TW ngày 07/4/2014 của Bộ Chính trị về thi đua.\n';
    const expectHeader = async (text: string) => {
        const { model } = await parsed(importText(text).text);
        expect(model).toMatchObject({ parentAgency: 'ỦY BAN NHÂN DÂN TỈNH LAI CHÂU', issuer: 'ỦY BAN NHÂN DÂN HUYỆN TAM ĐƯỜNG', place: 'Tam Đường', kindTitle: 'KẾ HOẠCH' });
        expect(model.number).toMatchObject({ number: 5, typeCode: 'KH', issuerCode: 'UBND' });
        expect(toIso(model.date!)).toBe('2023-01-05');
        expect(model.citations[0].info.docNumber?.raw).toBe('34-CT/TW');
    };

    test('"|"-separated columns', async () => {
        await expectHeader('ỦY BAN NHÂN DÂN TỈNH LAI CHÂU | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nỦY BAN NHÂN DÂN HUYỆN TAM ĐƯỜNG | Độc lập - Tự do - Hạnh phúc\nSố: 05/KH-UBND | Tam Đường, ngày 05 tháng 01 năm 2023\n' + body);
    });

    test('flattened rows', async () => {
        await expectHeader('ỦY BAN NHÂN DÂN TỈNH LAI CHÂU\nỦY BAN NHÂN DÂN HUYỆN TAM ĐƯỜNG CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc\nSố: 05/KH-UBND Tam Đường, ngày 05 tháng 01 năm 2023\n' + body);
    });
});

describe('thidua import (CLI)', () => {
    const BIN = join(import.meta.dirname, '..', '..', 'bin', 'thidua.cjs');
    const run = (args: string[], cwd: string) => spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8' });
    // Unicode → TCVN3, the inverse of the decoder's table, for lower-case Vietnamese.
    const TO_TCVN3: Record<string, number> = { 'ò': 0xdf, 'ộ': 0xe9, 'ụ': 0xf4, 'ủ': 0xf1, 'ì': 0xd7, 'ạ': 0xb9, 'đ': 0xae, 'ế': 0xd5, 'ố': 0xe8, 'ư': 0xad, 'ờ': 0xea, 'ă': 0xa8, 'ê': 0xaa, 'á': 0xb8, 'ả': 0xb6, 'à': 0xb5, 'ấ': 0xca, 'ớ': 0xed };
    const tcvn3 = (s: string) => Buffer.from([...s].map(c => TO_TCVN3[c] ?? c.charCodeAt(0)));

    test('a TCVN3 text file is converted to Unicode, said so, and typed', () => {
        const dir = mkdtempSync(join(tmpdir(), 'thidua-import-'));
        writeFileSync(join(dir, 'cu.txt'), tcvn3('Phòng Nội vụ chủ trì, báo cáo kết quả trước ngày 15/12/2023.\n'));
        const r = run(['import', 'cu.txt'], dir);
        expect(r.status).toBe(0);
        expect(r.stderr).toBe('cu.txt: đã chuyển mã từ TCVN3 (ABC, phông .VnTime) sang Unicode (NFC).\n');
        expect(r.stdout).toContain('Đã nhập: cu.thidua — 0 chỉ tiêu, 0 trích dẫn, 1 mốc thời gian; 0 dòng giữ nguyên là văn xuôi.');
        expect(readFileSync(join(dir, 'cu.thidua'), 'utf8')).toBe('Phòng Nội vụ chủ trì, báo cáo kết quả {trước ngày 15/12/2023}.\n');
    });

    test('a .docx: the registry gets each cited document once; an existing .thidua is never overwritten', async () => {
        const dir = mkdtempSync(join(tmpdir(), 'thidua-import-'));
        const original = await parsed(examples['000-chi-thi-ha-lang-2023.thidua']);
        writeFileSync(join(dir, 'a.docx'), await render(original.root, 'docx'));
        writeFileSync(join(dir, 'b.docx'), await render(original.root, 'docx'));
        const r = run(['import', 'a.docx', 'b.docx'], dir);
        expect(r.status).toBe(0);
        expect(r.stdout).toContain('Đã nhập: a.thidua — 19 chỉ tiêu, 7 trích dẫn');
        expect(r.stdout).toContain('thêm 5 văn bản vào so-van-ban.thidua');
        const registry = readFileSync(join(dir, 'so-van-ban.thidua'), 'utf8');
        expect(registry.match(/34-CT\/TW/g)).toHaveLength(1);
        expect(registry.split('\n').filter(l => l.startsWith('- ['))).toHaveLength(5);
        const again = run(['import', 'a.docx'], dir);
        expect(again.status).toBe(2);
        expect(again.stderr).toBe(`Đã có tệp a.thidua: không ghi đè. Hãy xóa hoặc đổi tên tệp cũ, hoặc chọn --out khác.\n`);
    });
});
