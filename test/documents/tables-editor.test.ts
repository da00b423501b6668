import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver';
import { formatThidua } from '../../src/language/syntax/format-text.js';
import type { ThiduaCompletionProvider } from '../../src/language/lsp/thidua-completion-provider.js';
import type { ThiduaHoverProvider } from '../../src/language/lsp/thidua-hover-provider.js';
import { REGISTRY, edit } from '../checks/check-helpers.js';
import { rng } from '../robustness/fuzz-lib.js';
import { workspace } from '../helpers.js';
import { positionOf, withCursor } from '../lsp/lsp-helpers.js';

const PLAN = readFileSync(
    join(import.meta.dirname, '..', 'fixtures', 'correct', 'ke-hoach-phu-luc-chuan.thidua'),
    'utf8'
);
const files = { 'so-van-ban.thidua': REGISTRY };
const lexer = (await workspace({})).services.Thidua.parser.Lexer;

describe('formatting tables', () => {
    const nonWhitespace = (s: string) => s.replace(/\s+/g, '');

    test('pipes line up; cells keep their words; a row without a closing pipe keeps its last cell', () => {
        const messy =
            'KẾ HOẠCH\nThi đua\n\n|STT|Chỉ tiêu|Đơn vị|\n|---|---|---|\n|  1 |Số xã đạt chuẩn   | xã|\n| 2|{Tỷ lệ: 95%} | % \n';
        expect(formatThidua(messy, lexer)).toBe(
            'KẾ HOẠCH\nThi đua\n\n| STT | Chỉ tiêu        | Đơn vị |\n| --- | ---             | ---    |\n' +
                '| 1   | Số xã đạt chuẩn | xã     |\n| 2   | {Tỷ lệ: 95%}    | %\n'
        );
    });

    test('a cell longer than a line is not lined up: the other rows are not padded to its length', () => {
        const long = 'Báo cáo số 29/BC-STC ngày 13/01/2026 của Sở Tài chính về kết quả giải ngân. '.repeat(4).trim();
        const text = `KẾ HOẠCH\nThi đua\n\n| TT | Tiêu chí | Kiểm chứng |\n|---|---|---|\n| 1 | Giải ngân | ${long} |\n| 2 | Tài sản công | Có |\n`;
        const formatted = formatThidua(text, lexer);
        expect(formatted).toContain(`| 1   | Giải ngân    | ${long} |\n| 2   | Tài sản công | Có         |\n`);
        expect(formatThidua(formatted, lexer)).toBe(formatted);
    });

    test('property: random blanks in and around cells change whitespace only, and formatting twice is formatting once', () => {
        const r = rng(7);
        const rows = PLAN.split('\n');
        for (let n = 0; n < 60; n++) {
            const text = rows
                .map(line =>
                    line.startsWith('|')
                        ? line
                              .split('|')
                              .map(c => c.trim())
                              .map(c => `${' '.repeat(Math.floor(r() * 3))}${c}${' '.repeat(Math.floor(r() * 4))}`)
                              .join('|')
                        : line
                )
                .join('\n');
            const once = formatThidua(text, lexer);
            expect(nonWhitespace(once)).toBe(nonWhitespace(text));
            expect(formatThidua(once, lexer)).toBe(once);
            expect(once).toBe(formatThidua(PLAN, lexer));
        }
    });
});

describe('editor features know tables and annexes', () => {
    test('outline: a table is a node (a scoring table says so), an annex is a node with its body', async () => {
        const ws = await workspace({ 'doc.thidua': PLAN, ...files });
        const doc = ws.docs.get('doc.thidua')!;
        const symbols = (await ws.services.Thidua.lsp.DocumentSymbolProvider!.getSymbols(doc, {
            textDocument: { uri: doc.uri.toString() }
        })) as DocumentSymbol[];
        const top = symbols[0].children!;
        const section = top.find(s => s.name.startsWith('II.'))!;
        const table = section.children!.find(s => s.kind === SymbolKind.Struct && s.detail === 'bảng')!;
        expect(table.name).toBe('Bảng (4 cột, 3 dòng): STT | Chỉ tiêu | Đơn vị | Kế hoạch năm 2025');
        expect(table.children!.map(c => c.name)).toEqual([
            'Số xã đạt chuẩn nông thôn mới nâng cao',
            'Tỷ lệ hộ dân dùng nước sạch',
            'Thu nhập bình quân đầu người'
        ]);
        const annex = top.find(s => s.detail === 'phụ lục')!;
        expect(annex.kind).toBe(SymbolKind.File);
        expect(annex.name).toBe('PHỤ LỤC: BẢNG CHẤM ĐIỂM THI ĐUA CÁC XÃ NĂM 2025');
        expect(annex.children!.map(c => c.name)).toEqual([
            'Bảng chấm điểm (6 cột, 10 dòng): STT | Tiêu chí | Điểm Chuẩn | Điểm T…'
        ]);
        expect(annex.children![0].detail).toBe('bảng chấm điểm');
    });

    test('folding: a table and an annex fold', async () => {
        const ws = await workspace({ 'doc.thidua': PLAN, ...files });
        const doc = ws.docs.get('doc.thidua')!;
        const ranges = await ws.services.Thidua.lsp.FoldingRangeProvider!.getFoldingRanges(doc, {
            textDocument: { uri: doc.uri.toString() }
        });
        const lines = PLAN.split('\n');
        const starts = ranges.map(r => lines[r.startLine]);
        expect(starts).toContain('PHỤ LỤC');
        expect(starts.filter(l => l.startsWith('| STT'))).toHaveLength(2);
    });

    test('completion at the start of a line offers a table, a scoring table and an annex', async () => {
        const complete = async (typed: string) => {
            const ws = await withCursor(edit(PLAN, '(1) Các xã', `${typed}<|>\n\n(1) Các xã`), files);
            const provider = ws.services.Thidua.lsp.CompletionProvider as ThiduaCompletionProvider;
            const items =
                (await provider.getCompletion(ws.doc, { textDocument: ws.textDocument, position: ws.position }))
                    ?.items ?? [];
            return (label: string) =>
                (items.find(i => i.label === label)?.textEdit as { newText: string } | undefined)?.newText ?? '';
        };
        const bang = await complete('bang');
        expect(bang('bảng')).toBe(
            '| ${1:STT} | ${2:Chỉ tiêu} | ${3:Đơn vị} | ${4:Kế hoạch} |\n|---|---|---|---|\n| 1 | ${5} | ${6} | ${7} |'
        );
        expect(bang('bảng chấm điểm')).toContain('| ^ | ^ | Chuẩn | Thưởng | Trừ | ^ |');
        expect((await complete('phu luc'))('PHỤ LỤC')).toContain('(Kèm theo ${2:Kế hoạch} số ${3:…}');
    });

    test('hover on a column heading says what the column holds; on a value, how it was read', async () => {
        const ws = await withCursor(PLAN, files);
        const provider = ws.services.Thidua.lsp.HoverProvider as ThiduaHoverProvider;
        const at = async (needle: string, delta = 1) =>
            (
                (
                    await provider.getHoverContent(ws.doc, {
                        textDocument: ws.textDocument,
                        position: positionOf(ws.doc, needle, delta)
                    })
                )?.contents as { value: string } | undefined
            )?.value;
        expect(await at('Thưởng |')).toBe(
            '**Cột 4: Điểm Thưởng** — 3 ô có nội dung\n\nBảng chấm điểm: cột **Điểm thưởng**.'
        );
        expect(await at('Kế hoạch năm 2025')).toBe('**Cột 4: Kế hoạch năm 2025** — 3 ô có nội dung');
        expect(await at('từ ngày 15/3/2025', 3)).toContain('Được hiểu là: **Đợt 1: 15/3/2025 → 30/6/2025**');
    });
});
