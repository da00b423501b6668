import { describe, expect, test } from 'vitest';
import { SemanticTokensDecoder } from 'langium/lsp';
import { SymbolKind, type DocumentSymbol, type Location, type LocationLink } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { KE_HOACH, REGISTRY, edit } from '../checks/check-helpers.js';
import { exampleTexts, workspace } from '../helpers.js';
import { positionOf, withCursor } from './lsp-helpers.js';
import type { ThiduaHoverProvider } from '../../src/language/lsp/thidua-hover-provider.js';
import { formatThidua } from '../../src/language/syntax/format-text.js';

const files = { 'so-van-ban.thidua': REGISTRY };

async function hover(text: string, needle: string, delta = 1) {
    const ws = await withCursor(text, files);
    const provider = ws.services.Thidua.lsp.HoverProvider as ThiduaHoverProvider;
    provider.today = () => new Date(2023, 11, 19);
    const h = await provider.getHoverContent(ws.doc, {
        textDocument: ws.textDocument,
        position: positionOf(ws.doc, needle, delta)
    });
    return (h?.contents as { value: string } | undefined)?.value ?? '';
}

describe('hover', () => {
    test('a citation shows its registry entry', async () => {
        expect(await hover(KE_HOACH, '34-CT/TW ngày')).toBe(
            [
                '**Chỉ thị số 34-CT/TW**',
                'Ngày ban hành: 07/4/2014',
                'Cơ quan ban hành: Bộ Chính trị',
                'Trích yếu: về tiếp tục đổi mới công tác thi đua, khen thưởng',
                'Sổ văn bản: so-van-ban.thidua, dòng 2'
            ].join('\n\n')
        );
    });

    test('an indicator shows its target in words', async () => {
        const h = await hover(KE_HOACH, 'Thu ngân sách trên');
        expect(h).toContain('**Chỉ tiêu 1** `#thu_ngan_sach` — Thu ngân sách trên địa bàn');
        expect(h).toContain('Mục tiêu: **22.400 triệu đồng** (hai mươi hai nghìn bốn trăm triệu đồng)');
        expect(h).toContain('Tương đương: 22,4 tỷ đồng');
    });

    test('with a baseline, the computed change', async () => {
        expect(await hover(KE_HOACH, 'Tổng thu ngân sách nhà nước')).toContain(
            'bằng 113,0% ⇒ kỳ gốc ≈ 279,65 tỷ đồng; tăng 36,35 tỷ đồng'
        );
    });

    test('a date shows its weekday and the days until it', async () => {
        expect(await hover(KE_HOACH, '15/12/2023')).toBe(
            '**Thứ Sáu, 15/12/2023** — đã qua 4 ngày\n\nĐược hiểu là: **hạn: 15/12/2023**'
        );
        expect(await hover(KE_HOACH, 'ngày 31 tháng 12 năm 2023')).toBe(
            '**Chủ nhật, 31/12/2023** — còn 12 ngày\n\nĐược hiểu là: **thời gian: ngày ban hành → 31/12/2023**'
        );
    });

    test('an award shows who may confer it, with the article', async () => {
        const h = await hover(KE_HOACH, 'Giấy khen cho');
        expect(h).toContain('**Giấy khen** — hình thức khen thưởng (Luật 06/2022/QH15, Điều 9, Điều 75, Điều 80)');
        expect(h).toContain(
            'Thẩm quyền quyết định theo Luật Thi đua, khen thưởng 2003 (sửa đổi 2005, 2013): Chủ tịch UBND cấp xã (Điều 77 khoản 3); Chủ tịch UBND cấp huyện (Điều 77 khoản 2); Chủ tịch UBND cấp tỉnh (Điều 77 khoản 1).'
        );
        expect(h).toContain('Trong văn bản: tặng bởi Chủ tịch UBND huyện.');
    });
});

describe('navigation across the workspace', () => {
    const other = 'Theo [Chỉ thị số 34-CT/TW], báo cáo {@thu_ngan_sach kết quả thu ngân sách}.\n';

    test('go to definition: a citation → its registry entry; an indicator reference → the indicator', async () => {
        const ws = await workspace({ 'doc.thidua': KE_HOACH, 'khac.thidua': other, ...files });
        const doc = ws.docs.get('khac.thidua')!;
        const def = ws.services.Thidua.lsp.DefinitionProvider!;
        const toCitation = (await def.getDefinition(doc, {
            textDocument: { uri: doc.uri.toString() },
            position: positionOf(doc, '34-CT/TW', 2)
        }))! as LocationLink[];
        expect(toCitation[0].targetUri).toBe(ws.docs.get('so-van-ban.thidua')!.uri.toString());
        expect(toCitation[0].targetSelectionRange.start.line).toBe(1);
        const toIndicator = (await def.getDefinition(doc, {
            textDocument: { uri: doc.uri.toString() },
            position: positionOf(doc, '@thu', 2)
        }))! as LocationLink[];
        expect(toIndicator[0].targetUri).toBe(ws.docs.get('doc.thidua')!.uri.toString());
        expect(ws.docs.get('doc.thidua')!.textDocument.getText(toIndicator[0].targetSelectionRange)).toBe(
            '#thu_ngan_sach'
        );
    });

    test('find references: every citation of a registry document, in every file', async () => {
        const ws = await workspace({ 'doc.thidua': KE_HOACH, 'khac.thidua': other, ...files });
        const reg = ws.docs.get('so-van-ban.thidua')!;
        const refs = (await ws.services.Thidua.lsp.ReferencesProvider!.findReferences(reg, {
            textDocument: { uri: reg.uri.toString() },
            position: positionOf(reg, '34-CT/TW', 2),
            context: { includeDeclaration: false }
        })) as Location[];
        expect(refs.map(r => r.uri.split('/').pop()).sort()).toEqual(['doc.thidua', 'doc.thidua', 'khac.thidua']);
    });

    test('rename: a registry number everywhere; an indicator id keeps # and @', async () => {
        const ws = await workspace({ 'doc.thidua': KE_HOACH, 'khac.thidua': other, ...files });
        const reg = ws.docs.get('so-van-ban.thidua')!;
        const rename = ws.services.Thidua.lsp.RenameProvider!;
        const apply = (name: string, edits: { range: never; newText: string }[]) =>
            TextDocument.applyEdits(
                TextDocument.create('x', 'thidua', 0, ws.docs.get(name)!.textDocument.getText()),
                edits
            );
        const byNumber = (await rename.rename(reg, {
            textDocument: { uri: reg.uri.toString() },
            position: positionOf(reg, '34-CT/TW', 2),
            newName: '35-CT/TW'
        }))!;
        const changed = Object.fromEntries(
            Object.entries(byNumber.changes!).map(([uri, e]) => [
                uri.split('/').pop()!,
                apply(uri.split('/').pop()!, e as never)
            ])
        );
        expect(changed['so-van-ban.thidua']).toContain('[Chỉ thị số 35-CT/TW ngày 07/4/2014');
        expect(changed['khac.thidua']).toBe(
            'Theo [Chỉ thị số 35-CT/TW], báo cáo {@thu_ngan_sach kết quả thu ngân sách}.\n'
        );
        expect(changed['doc.thidua']).toBe(KE_HOACH.replaceAll('34-CT/TW', '35-CT/TW'));
        const doc = ws.docs.get('doc.thidua')!;
        const byId = (await rename.rename(doc, {
            textDocument: { uri: doc.uri.toString() },
            position: positionOf(doc, '#thu', 2),
            newName: 'ngan_sach'
        }))!;
        const ids = Object.fromEntries(
            Object.entries(byId.changes!).map(([uri, e]) => [
                uri.split('/').pop()!,
                apply(uri.split('/').pop()!, e as never)
            ])
        );
        expect(ids['doc.thidua']).toContain('{#ngan_sach Thu ngân sách');
        expect(ids['khac.thidua']).toContain('{@ngan_sach kết quả');
    });
});

describe('outline, folding, colours, hints', () => {
    test('document symbols: the document, its sections and khoản, its indicators', async () => {
        const ws = await workspace({ 'doc.thidua': KE_HOACH, ...files });
        const doc = ws.docs.get('doc.thidua')!;
        const symbols = (await ws.services.Thidua.lsp.DocumentSymbolProvider!.getSymbols(doc, {
            textDocument: { uri: doc.uri.toString() }
        })) as DocumentSymbol[];
        expect(symbols[0].name).toBe('KẾ HOẠCH: Phát động phong trào thi đua năm 2023');
        const sections = symbols[0].children!.filter(s => s.detail === 'mục').map(s => s.name);
        expect(sections).toEqual([
            'I. MỤC ĐÍCH, YÊU CẦU',
            'II. CHỈ TIÊU',
            'III. NỘI DUNG THI ĐUA',
            'IV. THỜI GIAN THI ĐUA',
            'V. KHEN THƯỞNG',
            'VI. TỔ CHỨC THỰC HIỆN'
        ]);
        const indicators = symbols[0].children![1].children!.map(s => s.name);
        expect(indicators[0]).toBe('1) Thu ngân sách trên địa bàn');
        expect(indicators).toHaveLength(6);
        expect(
            symbols[0].children![1].children!.every(s => s.kind === SymbolKind.Number && s.detail === 'chỉ tiêu')
        ).toBe(true);
        expect(symbols[0]).toMatchObject({ kind: SymbolKind.File, detail: 'kế hoạch' });
        expect(symbols[0].children!.map(s => s.name)).toContain('Nơi nhận');
    });

    test('folding ranges for sections', async () => {
        const ws = await workspace({ 'doc.thidua': KE_HOACH, ...files });
        const doc = ws.docs.get('doc.thidua')!;
        const ranges = await ws.services.Thidua.lsp.FoldingRangeProvider!.getFoldingRanges(doc, {
            textDocument: { uri: doc.uri.toString() }
        });
        const start = positionOf(doc, 'II. CHỈ TIÊU').line;
        expect(ranges.some(r => r.startLine === start && r.endLine > start + 5)).toBe(true);
    });

    test('semantic tokens: citation numbers, dates, numbers and units', async () => {
        const ws = await workspace({ 'doc.thidua': KE_HOACH, ...files });
        const doc = ws.docs.get('doc.thidua')!;
        const provider = ws.services.Thidua.lsp.SemanticTokenProvider!;
        const tokens = await provider.semanticHighlight(doc, { textDocument: { uri: doc.uri.toString() } });
        const decoded = SemanticTokensDecoder.decode(tokens, provider.tokenTypes, doc);
        const by = (type: string) =>
            decoded
                .filter(t => t.tokenType === type)
                .map(t =>
                    doc.textDocument.getText({
                        start: doc.textDocument.positionAt(t.offset),
                        end: doc.textDocument.positionAt(t.offset + t.text.length)
                    })
                );
        expect(by('class')).toContain('34-CT/TW');
        expect(by('number')).toContain('ngày 07/4/2014');
        expect(by('number')).toContain('22.400');
        expect(by('enumMember')).toContain('triệu đồng');
        expect(by('keyword')).toContain('II.');
    });

    test('inlay hint: the baseline implied by "bằng 113,0% so với …"', async () => {
        const ws = await workspace({ 'doc.thidua': KE_HOACH, ...files });
        const doc = ws.docs.get('doc.thidua')!;
        const hints = await ws.services.Thidua.lsp.InlayHintProvider!.getInlayHints(doc, {
            textDocument: { uri: doc.uri.toString() },
            range: { start: { line: 0, character: 0 }, end: doc.textDocument.positionAt(KE_HOACH.length) }
        });
        expect(hints?.map(h => h.label).filter(l => String(l).includes('⇒'))).toEqual([
            ' ⇒ kỳ gốc ≈ 279,65 tỷ đồng, +36,35'
        ]);
    });

    test('inlay hints: every value says how it was read (no silent reading)', async () => {
        const ws = await workspace({ 'doc.thidua': KE_HOACH, ...files });
        const doc = ws.docs.get('doc.thidua')!;
        const hints = await ws.services.Thidua.lsp.InlayHintProvider!.getInlayHints(doc, {
            textDocument: { uri: doc.uri.toString() },
            range: { start: { line: 0, character: 0 }, end: doc.textDocument.positionAt(KE_HOACH.length) }
        });
        const labels = (hints ?? []).map(h => String(h.label));
        expect(labels).toContain(' chỉ tiêu: 22.400 triệu đồng');
        expect(labels).toContain(' chỉ tiêu: 2,5%');
        expect(labels).toContain(' chỉ tiêu: trên 3.250 người');
        expect(labels).toContain(' thời gian: ngày ban hành → 31/12/2023');
        expect(labels).toContain(' kỷ niệm 75 năm (1948–2023)');
        expect(labels).toContain(' hạn: 15/12/2023');
        expect(labels.filter(l => !l.includes('⇒')).length).toBe(
            doc.parseResult.value.$cstNode!.text.match(/\{/g)!.length
        );
    });
});

describe('formatting', () => {
    const nonWhitespace = (s: string) => s.replace(/\s+/g, '');

    test('never changes a non-whitespace character of any example, and is idempotent', async () => {
        const ws = await workspace(exampleTexts());
        const lexer = ws.services.Thidua.parser.Lexer;
        for (const [name, doc] of ws.docs) {
            const text = doc.textDocument.getText();
            const once = formatThidua(text, lexer);
            expect(nonWhitespace(once), name).toBe(nonWhitespace(text));
            expect(formatThidua(once, lexer), name).toBe(once);
        }
    });

    test('one canonical layout', async () => {
        const ws = await workspace({});
        const messy =
            '\n\n  KẾ HOẠCH   \nVề việc thi đua\nI.   MỤC ĐÍCH\n\n\n\n1.    Mục đích\n-    2)   {Chỉ tiêu: 5 xã}.\nNơi nhận:\n\n- Như trên;\n\n-   Lưu: VT.\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n\n\nNguyễn Văn A';
        expect(formatThidua(messy, ws.services.Thidua.parser.Lexer)).toBe(
            'KẾ HOẠCH\nVề việc thi đua\n\nI. MỤC ĐÍCH\n\n1. Mục đích\n- 2) {Chỉ tiêu: 5 xã}.\n\nNơi nhận:\n- Như trên;\n- Lưu: VT.\n\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n\nNguyễn Văn A\n'
        );
    });

    test('the Formatter service returns one edit with the canonical text', async () => {
        const ws = await workspace({ 'doc.thidua': edit(KE_HOACH, 'II. CHỈ TIÊU', '   II.    CHỈ TIÊU   ') });
        const doc = ws.docs.get('doc.thidua')!;
        const edits = await ws.services.Thidua.lsp.Formatter!.formatDocument(doc, {
            textDocument: { uri: doc.uri.toString() },
            options: { tabSize: 4, insertSpaces: true }
        });
        expect(TextDocument.applyEdits(TextDocument.create('x', 'thidua', 0, doc.textDocument.getText()), edits)).toBe(
            KE_HOACH
        );
    });
});
