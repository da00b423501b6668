import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { CstUtils, EmptyFileSystem, URI, type AstNode, type LangiumDocument } from 'langium';
import type { IToken, TokenType } from 'chevrotain';
import { Diagnostic, SymbolKind, type CodeAction, type DocumentSymbol } from 'vscode-languageserver';
import { describe, expect, test, vi } from 'vitest';
import rulesData from '../../src/domain/data/rules.json' with { type: 'json' };
import { createThiduaServices } from '../../src/language/thidua-module.js';
import { CHECK_FAILED } from '../../src/language/validation/thidua-validation-registry.js';
import type { ThiduaAstType } from '../../src/language/generated/ast.js';
import { assertDrafterFacing } from '../checks/check-helpers.js';
import { drafterProblems } from '../drafter-text.js';
import { codeOf, exampleTexts, workspace } from '../helpers.js';

const FIX = join(import.meta.dirname, '..', 'fixtures', 'correct');
const files = () => ({
    ...exampleTexts(),
    ...Object.fromEntries(readdirSync(FIX).map(f => [`chuan-${f}`, readFileSync(join(FIX, f), 'utf8')]))
});

describe('what a drafter reads carries no path, rule code or English', () => {
    test('the helper finds what drafters saw: a data path, a rule code, "(namespace)", English', () => {
        expect(drafterProblems('"sai" viết sai chính tả. (src/domain/data/typos.json)')).toHaveLength(1);
        expect(drafterProblems('Sai chính tả [sai-chinh-ta]')).toHaveLength(1);
        expect(drafterProblems('Bảng đơn vị đo của thidua')).toHaveLength(1);
        expect(drafterProblems('I. MỤC TIÊU (namespace)')).toHaveLength(1);
        expect(drafterProblems('An error occurred during validation: x')).not.toEqual([]);
        expect(drafterProblems('Sổ văn bản: so-van-ban.thidua, dòng 7; chỉ tiêu `#thu_ngan_sach`, 13/13 xã')).toEqual(
            []
        );
    });

    test('every rule names its source in words', () => {
        for (const [code, rule] of Object.entries(rulesData.rules)) {
            expect(drafterProblems(rule.source), code).toEqual([]);
        }
    });

    test('the examples: diagnostics, quick fixes, hovers, inlay hints, outline and completion details', async () => {
        const { docs, services } = await workspace(files());
        const lsp = services.Thidua.lsp;
        const texts: string[] = [];
        let diagnostics = 0,
            hovers = 0,
            symbols = 0;
        for (const doc of docs.values()) {
            const textDocument = { uri: doc.uri.toString() };
            for (const d of doc.diagnostics ?? []) {
                assertDrafterFacing(d);
                diagnostics++;
                const params = { textDocument, range: d.range, context: { diagnostics: [d] } };
                const actions = await lsp.CodeActionProvider!.getCodeActions(doc, params);
                texts.push(...(actions ?? []).map(a => a.title));
            }
            for (const leaf of CstUtils.streamCst(doc.parseResult.value.$cstNode!)) {
                if (!leaf.astNode || 'content' in leaf) continue;
                for (let k = 0; k < leaf.length; k += 2) {
                    const position = doc.textDocument.positionAt(leaf.offset + k);
                    const hover = await lsp.HoverProvider!.getHoverContent(doc, { textDocument, position });
                    if (hover) {
                        texts.push((hover.contents as { value: string }).value);
                        hovers++;
                    }
                }
            }
            const end = doc.textDocument.positionAt(doc.textDocument.getText().length);
            const range = { start: { line: 0, character: 0 }, end };
            const hints = await lsp.InlayHintProvider!.getInlayHints(doc, { textDocument, range });
            texts.push(...(hints ?? []).map(h => String(h.label)));
            const walk = (list: DocumentSymbol[]) =>
                list.forEach(s => {
                    texts.push(s.name, s.detail ?? '');
                    symbols++;
                    walk(s.children ?? []);
                });
            walk((await lsp.DocumentSymbolProvider!.getSymbols(doc, { textDocument })) as DocumentSymbol[]);
            for (const needle of ['\n1.', '{', '[', 'Nơi nhận']) {
                const at = doc.textDocument.getText().indexOf(needle);
                if (at < 0) continue;
                const position = doc.textDocument.positionAt(at + needle.length);
                const list = await lsp.CompletionProvider!.getCompletion(doc, { textDocument, position });
                texts.push(...(list?.items ?? []).map(i => i.detail ?? ''));
            }
        }
        expect(diagnostics).toBeGreaterThan(10);
        expect(hovers).toBeGreaterThan(100);
        expect(symbols).toBeGreaterThan(100);
        expect(texts.flatMap(drafterProblems)).toEqual([]);
    });

    test('a parser message names what was expected in words, never a token of the grammar', () => {
        const services = createThiduaServices(EmptyFileSystem).Thidua;
        const provider = services.parser.ParserErrorMessageProvider;
        const definition = services.parser.Lexer.definition as Record<string, TokenType>;
        const actual = { image: 'x', tokenType: definition.TEXT } as unknown as IToken;
        for (const [name, tokenType] of Object.entries(definition)) {
            const options = { expected: tokenType, actual, previous: actual, ruleName: 'Document' };
            const message = provider.buildMismatchTokenMessage(options);
            expect(message, name).not.toMatch(/\b[A-Z][A-Z0-9]*_[A-Z0-9_]+\b|\bTEXT\b|\bNL\b|\bWS\b|\bEOF\b/);
            expect(drafterProblems(message), name).toEqual([]);
        }
    });

    test('a check that fails says so in Vietnamese; what failed stays in the data', async () => {
        vi.spyOn(console, 'error').mockImplementation(() => {});
        try {
            const all = createThiduaServices(EmptyFileSystem);
            const fail = () => {
                throw new Error('undefined is not a function');
            };
            all.Thidua.validation.ValidationRegistry.register<ThiduaAstType>({ Document: fail });
            const text = exampleTexts()['000-chi-thi-ha-lang-2023.thidua'];
            const doc = all.shared.workspace.LangiumDocumentFactory.fromString(text, URI.file('/x/a.thidua'));
            all.shared.workspace.LangiumDocuments.addDocument(doc);
            await all.shared.workspace.DocumentBuilder.build([doc], { validation: true });
            const failed = (doc.diagnostics ?? []).filter(d => codeOf(d) === CHECK_FAILED);
            expect(failed).toHaveLength(1);
            expect((failed[0].data as { detail?: string }).detail).toBe('undefined is not a function');
            assertDrafterFacing(failed[0]);
        } finally {
            vi.restoreAllMocks();
        }
    });
});

describe('diagnostics keep their rule in data.code', () => {
    test('no visible code, the source reads "Thi đua", and the quick fixes still come', async () => {
        const text = exampleTexts()['000-chi-thi-ha-lang-2023.thidua'];
        const { docs, services } = await workspace({ 'a.thidua': text.replace('chủ trì', 'chỉ trì') });
        const doc = docs.get('a.thidua')!;
        const d = (doc.diagnostics ?? []).find(
            x => codeOf(x) === 'sai-chinh-ta' && Diagnostic.getMessageString(x).includes('"chỉ trì"')
        )!;
        expect(d).toBeDefined();
        expect(d.code).toBeUndefined();
        expect(d.source).toBe('Thi đua');
        const actions = (await services.Thidua.lsp.CodeActionProvider!.getCodeActions(doc, {
            textDocument: { uri: doc.uri.toString() },
            range: d.range,
            context: { diagnostics: [d] }
        })) as CodeAction[];
        expect(actions.map(a => a.title)).toContain('Sửa thành "chủ trì"');
        // A client that sends the diagnostic back with its place and message only (Monaco's) gets the same fixes.
        const bare = { range: d.range, message: d.message, severity: d.severity };
        const again = (await services.Thidua.lsp.CodeActionProvider!.getCodeActions(doc, {
            textDocument: { uri: doc.uri.toString() },
            range: d.range,
            context: { diagnostics: [bare] }
        })) as CodeAction[];
        expect(again.map(a => a.title)).toEqual(actions.map(a => a.title));
        expect(again[0].edit).toEqual(actions[0].edit);
    });

    test('parse errors too: their code is in data, none shows', async () => {
        const text = 'KẾ HOẠCH\nThi đua năm 2023\n\nI. MỤC TIÊU\nThực hiện [Chỉ thị số 34-CT/TW\n';
        const { docs } = await workspace({ 'a.thidua': text });
        const all = docs.get('a.thidua')!.diagnostics ?? [];
        expect(all.some(d => codeOf(d) === 'parsing-error' || codeOf(d) === 'lexing-error')).toBe(true);
        for (const d of all) assertDrafterFacing(d);
    });
});

/** The outline's symbols, flattened, with the nodes' kind and detail. */
function flat(list: DocumentSymbol[]): DocumentSymbol[] {
    return list.flatMap(s => [s, ...flat(s.children ?? [])]);
}

describe('the outline reads as the document', () => {
    test('each part has a fitting kind and a Vietnamese detail', async () => {
        const { docs, services } = await workspace(files());
        const provider = services.Thidua.lsp.DocumentSymbolProvider!;
        const symbolsOf = async (doc: LangiumDocument<AstNode>) =>
            flat((await provider.getSymbols(doc, { textDocument: { uri: doc.uri.toString() } })) as DocumentSymbol[]);
        const plan = await symbolsOf(docs.get('ke-hoach-thi-dua-cham-diem-2025.thidua')!);
        const byDetail = (detail: string) => plan.filter(s => s.detail === detail);
        expect(plan[0]).toMatchObject({ kind: SymbolKind.File, detail: 'kế hoạch' });
        expect(byDetail('mục').length).toBeGreaterThan(2);
        expect(byDetail('mục').every(s => s.kind === SymbolKind.String && /^[IVX]+\. /.test(s.name))).toBe(true);
        expect(byDetail('khoản').every(s => s.kind === SymbolKind.String)).toBe(true);
        expect(byDetail('chỉ tiêu').length).toBeGreaterThan(0);
        expect(byDetail('chỉ tiêu').every(s => s.kind === SymbolKind.Number)).toBe(true);
        expect(byDetail('bảng chấm điểm')[0]).toMatchObject({ kind: SymbolKind.Struct });
        expect(byDetail('phụ lục')[0]).toMatchObject({ kind: SymbolKind.File });
        const recipients = plan.find(s => s.name === 'Nơi nhận');
        expect(recipients).toMatchObject({ kind: SymbolKind.Array, detail: expect.stringMatching(/^\d+ dòng$/) });
        expect(byDetail('chữ ký')).toHaveLength(1);
        expect(byDetail('chữ ký')[0]).toMatchObject({ kind: SymbolKind.Key });
        const registry = await symbolsOf(docs.get('so-van-ban.thidua')!);
        expect(registry.length).toBeGreaterThan(5);
        expect(registry.every(s => s.kind === SymbolKind.File && s.detail === 'văn bản trong sổ')).toBe(true);
        // No kind of code (namespace, class, constructor, module) describes a part of a document.
        const codeKinds = [SymbolKind.Namespace, SymbolKind.Class, SymbolKind.Constructor, SymbolKind.Module];
        for (const doc of docs.values()) {
            for (const s of await symbolsOf(doc)) {
                expect(codeKinds, s.name).not.toContain(s.kind);
                expect(s.detail, s.name).toMatch(/\p{L}/u);
                expect(drafterProblems(`${s.name} ${s.detail}`)).toEqual([]);
            }
        }
    });
});
