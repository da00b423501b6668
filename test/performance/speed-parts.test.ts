// The parts that make checking fast must not change what is checked: each is compared with the plain way.
import { AstUtils, createLangiumParser, CstUtils, EmptyFileSystem, URI, type LangiumDocument } from 'langium';
import { describe, expect, test, vi } from 'vitest';
import { memoByText } from '../../src/domain/memo.js';
import { buildModel, TextLookups } from '../../src/language/model/thidua-document-model.js';
import { layout } from '../../src/generate/layout.js';
import type { Document, Inline, Model, ThiduaAstType } from '../../src/language/generated/ast.js';
import { piecesOf, TONED_CHARS, wordHash, Words } from '../../src/language/validation/checks/rules.js';
import { positionOf } from '../../src/language/syntax/thidua-parser.js';
import { Diagnostic } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { forEachNode, nodesOf } from '../../src/language/syntax/ast-walk.js';
import { TextChecks } from '../../src/language/validation/checks/text.js';
import { referencesOf } from '../../src/language/references/thidua-reference-description-provider.js';
import { createThiduaServices } from '../../src/language/thidua-module.js';
import { CHECK_FAILED } from '../../src/language/validation/thidua-validation-registry.js';
import { exampleTexts } from '../helpers.js';

const texts = Object.values(exampleTexts());
// Line ends and a recovered tree: CRLF, lone CR, a syntax error, an unclosed brace.
const odd = [
    'SỔ VĂN BẢN\r\n- [Chỉ thị số 1/CT-UB ngày 1/1/2020 của UBND] về x\r\n',
    'KẾ HOẠCH\rThi đua\r\n\r\n1. a [Chỉ thị số 1/CT-UB] {b\n] c\n  - d {#x 5%}\n'
];

describe('walking the tree', () => {
    test("forEachNode and nodesOf visit exactly the nodes of Langium's streamAst, in the same order", () => {
        const { Thidua } = createThiduaServices(EmptyFileSystem);
        for (const text of [...texts, ...odd]) {
            const root = Thidua.parser.LangiumParser.parse(text).value;
            const expected = AstUtils.streamAst(root).toArray();
            const visited: unknown[] = [];
            forEachNode(root, n => visited.push(n));
            expect(visited).toEqual(expected);
            expect(visited.every((n, i) => n === expected[i])).toBe(true);
            expect(nodesOf(root)).toBe(nodesOf(root));
            expect(nodesOf(root).length).toBe(expected.length);
        }
    });
});

describe('references', () => {
    test('referencesOf lists exactly what AstUtils.streamReferences gives for every node, in order', () => {
        const { Thidua } = createThiduaServices(EmptyFileSystem);
        let compared = 0;
        for (const text of [...texts, ...odd]) {
            const root = Thidua.parser.LangiumParser.parse(text).value;
            const expected = AstUtils.streamAst(root)
                .flatMap(n => AstUtils.streamReferences(n))
                .toArray();
            const got = referencesOf(root);
            expect(got.map(r => [r.container, r.property, r.reference, r.index])).toEqual(
                expected.map(r => [r.container, r.property, r.reference, r.index])
            );
            expect(
                got.every((r, i) => r.reference === expected[i].reference && r.container === expected[i].container)
            ).toBe(true);
            compared += got.length;
        }
        expect(compared).toBeGreaterThan(30);
    });
});

describe('compact tokens', () => {
    test("every node of the tree has the offset, text and range Langium's own parser gives it", () => {
        const { Thidua } = createThiduaServices(EmptyFileSystem);
        const plain = createLangiumParser(Thidua);
        let compared = 0;
        for (const text of [...texts, ...odd]) {
            const a = CstUtils.streamCst(plain.parse(text).value.$cstNode!).toArray();
            const b = CstUtils.streamCst(Thidua.parser.LangiumParser.parse(text).value.$cstNode!).toArray();
            expect(b.length).toBe(a.length);
            a.forEach((n, i) => {
                expect([b[i].offset, b[i].length, b[i].text, b[i].hidden]).toEqual([
                    n.offset,
                    n.length,
                    n.text,
                    n.hidden
                ]);
                expect(b[i].range).toEqual(n.range);
                compared++;
            });
        }
        expect(compared).toBeGreaterThan(2000);
    });

    test('containers are linked as Langium links them: AST $container/$containerProperty/$containerIndex and CST parents, comments included', () => {
        const { Thidua } = createThiduaServices(EmptyFileSystem);
        const plain = createLangiumParser(Thidua);
        const withComments =
            texts[0]
                .split('\n')
                .flatMap((l, i) => (i % 7 === 3 ? ['// ghi chú ' + i, l] : [l]))
                .join('\n') + '\n// cuối';
        let compared = 0;
        for (const text of [...texts, ...odd, withComments]) {
            const a = plain.parse(text).value,
                b = Thidua.parser.LangiumParser.parse(text).value;
            const na = AstUtils.streamAst(a).toArray(),
                nb = AstUtils.streamAst(b).toArray();
            expect(nb.length).toBe(na.length);
            na.forEach((n, i) => {
                expect([nb[i].$type, nb[i].$containerProperty, nb[i].$containerIndex]).toEqual([
                    n.$type,
                    n.$containerProperty,
                    n.$containerIndex
                ]);
                expect(nb.indexOf(nb[i].$container!)).toBe(na.indexOf(n.$container!));
                compared++;
            });
            const ca = CstUtils.streamCst(a.$cstNode!).toArray(),
                cb = CstUtils.streamCst(b.$cstNode!).toArray();
            expect(cb.length).toBe(ca.length);
            ca.forEach((n, i) => expect(cb.indexOf(cb[i].container!)).toBe(ca.indexOf(n.container!)));
        }
        expect(compared).toBeGreaterThan(900);
    });

    test("every node has the properties Langium's own parser gives it: unset lists empty, unset flags false", () => {
        const { Thidua } = createThiduaServices(EmptyFileSystem);
        const plain = createLangiumParser(Thidua);
        const own = (n: object) =>
            Object.entries(n)
                .filter(([k]) => !k.startsWith('$'))
                .map(([k, v]) => [
                    k,
                    Array.isArray(v) ? v.length : typeof v === 'object' ? (v.$refText ?? v.$type) : v
                ]);
        let compared = 0;
        for (const text of [...texts, ...odd]) {
            const na = AstUtils.streamAst(plain.parse(text).value).toArray(),
                nb = AstUtils.streamAst(Thidua.parser.LangiumParser.parse(text).value).toArray();
            expect(nb.length).toBe(na.length);
            na.forEach((n, i) => expect(own(nb[i])).toEqual(own(n)));
            compared += na.filter(n => own(n).some(([, v]) => v === 0)).length;
        }
        expect(compared).toBeGreaterThan(50);
    });

    test('the leaves do not carry a range object of their own', () => {
        const { Thidua } = createThiduaServices(EmptyFileSystem);
        const leaf = CstUtils.streamCst(Thidua.parser.LangiumParser.parse(texts[0]).value.$cstNode!).find(
            n => 'tokenType' in n && !n.hidden
        )!;
        expect((leaf as unknown as { _range?: unknown })._range).toBeUndefined();
        expect(leaf.range).not.toBe(leaf.range);
    });
});

describe('the document model', () => {
    test('values, awards and assignments are made when first read (an export of a Chỉ thị reads none), and equal a full read', () => {
        const { Thidua } = createThiduaServices(EmptyFileSystem);
        const text = texts.find(t => t.includes('Bằng khen') && t.includes('TỔ CHỨC THỰC HIỆN'))!;
        const root = Thidua.parser.LangiumParser.parse<Model>(text).value;
        const lookups = new TextLookups();
        const awards = vi.spyOn(lookups, 'awards');
        const values = vi.spyOn(lookups, 'value');
        const model = buildModel(root, lookups);
        expect(awards).not.toHaveBeenCalled();
        expect(values).not.toHaveBeenCalled();
        expect(model.campaignYear).toBe(buildModel(root).campaignYear);
        expect(model.campaignYear).toBeGreaterThan(2000);
        expect(values).toHaveBeenCalled();
        expect(model.indicators.length).toBe(buildModel(root).indicators.length);
        expect(model.values.map(v => v.node)).toEqual(nodesOf(root).filter(n => n.$type === 'Value'));
        expect(model.awards.map(a => a.mention.text)).toContain('Bằng khen');
        expect(model.assignments.length).toBeGreaterThan(0);
        expect(model.awards).toBe(model.awards);
        expect(JSON.parse(JSON.stringify(buildModel(root).awards.map(a => a.mention)))).toEqual(
            JSON.parse(JSON.stringify(model.awards.map(a => a.mention)))
        );
    });

    test('the page layout parses the typed values only when the indicator table rows are read', () => {
        const { Thidua } = createThiduaServices(EmptyFileSystem);
        const text = texts.find(t => t.startsWith('// ') && t.includes('CHỈ THỊ') && t.includes('{#'))!;
        const root = Thidua.parser.LangiumParser.parse<Model>(text).value as Document;
        const l = layout(root);
        expect(Object.getOwnPropertyDescriptor(l.model, 'values')?.get).toBeDefined();
        expect(l.body.length).toBeGreaterThan(10);
        expect(l.indicators.length).toBeGreaterThan(5);
        expect(Object.getOwnPropertyDescriptor(l.model, 'values')?.get).toBeUndefined();
    });
});

describe('remembering results by text', () => {
    test('memoByText computes each text once and keeps at most two generations', () => {
        const fn = vi.fn((s: string) => ({ length: s.length }));
        const memo = memoByText(fn, 3);
        const first = memo('một');
        expect(memo('một')).toBe(first);
        expect(fn).toHaveBeenCalledTimes(1);
        for (const s of ['a', 'b', 'c', 'd', 'e', 'f', 'g']) memo(s);
        fn.mockClear();
        memo('một');
        expect(fn).toHaveBeenCalledTimes(1);
        memo.clear();
        fn.mockClear();
        memo('một');
        expect(fn).toHaveBeenCalledTimes(1);
    });

    async function diagnosticsAfterEdits(services: ReturnType<typeof createThiduaServices>, versions: string[]) {
        const { shared } = services;
        let last: string[] = [];
        for (const [i, text] of versions.entries()) {
            const doc = shared.workspace.LangiumDocumentFactory.fromString(text, URI.file(`/ws/v${i}.thidua`));
            shared.workspace.LangiumDocuments.addDocument(doc);
            await shared.workspace.DocumentBuilder.build([doc], { validation: true });
            last = (doc.diagnostics ?? []).map(d => JSON.stringify([d.range, d.message, d.data]));
            shared.workspace.LangiumDocuments.deleteDocument(doc.uri);
        }
        return last.sort();
    }

    test('after edits that move, change and repeat lines, the diagnostics equal those of a fresh check', async () => {
        for (const text of texts.filter(t => t.includes('KẾ HOẠCH') || t.includes('CHỈ THỊ'))) {
            const lines = text.split('\n');
            const at = lines.findIndex(l => /^[0-9]+\. /.test(l));
            const moved = [
                ...lines.slice(0, at),
                '1. Dòng mới chèn vào đầu phần, đẩy các dòng sau xuống.',
                ...lines.slice(at)
            ];
            const changed = moved.map((l, i) => (i === at + 3 ? `  ${l.replace('trì', 'trì chỉ trì')} ;thêm` : l));
            const final = changed.join('\n').replace(/\n(- )/, '\n  $1');
            const warm = await diagnosticsAfterEdits(createThiduaServices(EmptyFileSystem), [
                text,
                moved.join('\n'),
                changed.join('\n'),
                final
            ]);
            const fresh = await diagnosticsAfterEdits(createThiduaServices(EmptyFileSystem), [final]);
            expect(warm).toEqual(fresh);
        }
    });

    test('a line is remembered with the kind of each piece: the same words in { } and in prose are checked apart', async () => {
        const text = 'KẾ HOẠCH\nThi đua năm 2024\n\nI. THỜI GIAN\n- {giai đoạn 2021-2015}\n- giai đoạn 2021-2015\n';
        const found = await diagnosticsAfterEdits(createThiduaServices(EmptyFileSystem), [text]);
        expect(found.filter(d => d.includes('thoi-gian-nguoc'))).toHaveLength(2);
    });

    test('a rebuild after a one-line edit runs the prose checks on that line only', async () => {
        const text = texts.find(t => t.includes('KẾ HOẠCH'))!;
        const services = createThiduaServices(EmptyFileSystem);
        const spy = vi.spyOn(TextChecks.prototype, 'checkProse');
        await diagnosticsAfterEdits(services, [text]);
        const firstRun = spy.mock.calls.length;
        const lines = text.split('\n');
        const i = lines.findIndex(l => /^[0-9]+\. /.test(l));
        lines[i] += ' thêm chữ';
        spy.mockClear();
        await diagnosticsAfterEdits(services, [lines.join('\n')]);
        expect(firstRun).toBeGreaterThan(20);
        expect(spy.mock.calls.length).toBe(1);
        spy.mockRestore();
    });
});

describe('words of a line', () => {
    const samples = [
        ...texts.flatMap(t => t.split('\n')),
        'ĐẨY MẠNH Thi Đua thi đua',
        'việcphát HUÂN CHƯƠNG',
        'İstanbul 𝒜bc ǅemal',
        'x'.repeat(3) + ' y'.repeat(700)
    ];

    test('Words finds the runs of letters of \\p{L}+, compares them lower-cased, and counts toned vowels', () => {
        for (const text of samples) {
            const words = new Words(text);
            const expected = [...text.matchAll(/\p{L}+/gu)];
            expect(words.length).toBe(expected.length);
            expected.forEach((m, i) => {
                expect([words.start(i), words.end(i)]).toEqual([m.index, m.index + m[0].length]);
                expect(words.toned(i)).toBe((m[0].match(new RegExp(`[${TONED_CHARS}]`, 'giu')) ?? []).length);
                if (m[0].toLowerCase().length === m[0].length) {
                    expect(words.word(i)).toBe(m[0].toLowerCase());
                    expect(words.is(i, m[0].toLowerCase())).toBe(true);
                    expect(words.hash(i)).toBe(wordHash(m[0].toLowerCase()));
                }
                if (i > 0) expect(words.same(i - 1, i)).toBe(expected[i - 1][0].toLowerCase() === m[0].toLowerCase());
            });
        }
    });

    test('two Words read at once each keep their own words (the buffer they share is filled again when needed)', () => {
        const a = new Words('Một hai ba bốn năm');
        const b = new Words('x '.repeat(600));
        expect(a.word(3)).toBe('bốn');
        expect(b.length).toBe(600);
        expect(a.length).toBe(5);
        expect(b.start(599)).toBe(1198);
        expect(a.end(4)).toBe(18);
    });
});

describe('positions', () => {
    test("positionOf a piece of a line equals the document's positionAt, also after an edit that moves every later line", async () => {
        const { shared } = createThiduaServices(EmptyFileSystem);
        let compared = 0;
        const comparePieces = (doc: LangiumDocument) => {
            for (const node of nodesOf(doc.parseResult.value)) {
                if (!('parts' in node) || !Array.isArray(node.parts)) continue;
                for (const piece of piecesOf(node.parts as Inline[])) {
                    expect(positionOf(piece.node, piece.offset)).toEqual(doc.textDocument.positionAt(piece.offset));
                    compared++;
                }
            }
            // Any offset of the document, asked of the root: the start, middle and end of every token.
            const root = doc.parseResult.value;
            for (const leaf of CstUtils.flattenCst(root.$cstNode!)) {
                for (const offset of [leaf.offset, (leaf.offset + leaf.end) >> 1, leaf.end]) {
                    expect(positionOf(root, offset)).toEqual(doc.textDocument.positionAt(offset));
                    compared++;
                }
            }
        };
        for (const [i, text] of [...texts, ...odd].entries()) {
            const uri = URI.file(`/pos/d${i}.thidua`);
            shared.workspace.TextDocuments!.set(TextDocument.create(uri.toString(), 'thidua', 1, text));
            const doc = shared.workspace.LangiumDocumentFactory.fromString(text, uri);
            shared.workspace.LangiumDocuments.addDocument(doc);
            await shared.workspace.DocumentBuilder.build([doc], { validation: true });
            comparePieces(doc);
            const lines = text.split('\n');
            const k = lines.findIndex(l => /^[0-9]+\. /.test(l));
            if (k < 0) continue;
            lines[k] = lines[k].replace(/^([0-9]+\. )/, '$1thêm chữ ');
            shared.workspace.TextDocuments!.set(TextDocument.create(uri.toString(), 'thidua', 2, lines.join('\n')));
            await shared.workspace.DocumentBuilder.update([uri], []);
            comparePieces(shared.workspace.LangiumDocuments.getDocument(uri)!);
        }
        expect(compared).toBeGreaterThan(500);
    });
});

describe('validation', () => {
    test('a failing check is reported and the others still run; an asynchronous one is awaited', async () => {
        vi.spyOn(console, 'error').mockImplementation(() => {});
        const { shared, Thidua } = createThiduaServices(EmptyFileSystem);
        const registry = Thidua.validation.ValidationRegistry;
        const doc = shared.workspace.LangiumDocumentFactory.fromString(texts[0], URI.file('/val/a.thidua'));
        registry.register<ThiduaAstType>(
            {
                Section: () => {
                    throw new Error('hỏng');
                }
            },
            undefined
        );
        registry.register<ThiduaAstType>(
            {
                Document: async (node, accept) => {
                    await Promise.resolve();
                    accept('hint', 'kiểm tra chậm', { node });
                }
            },
            undefined
        );
        shared.workspace.LangiumDocuments.addDocument(doc);
        await shared.workspace.DocumentBuilder.build([doc], { validation: true });
        const messages = doc.diagnostics!.map(d => Diagnostic.getMessageString(d));
        const failed = doc.diagnostics!.filter(d => (d.data as { code?: string } | undefined)?.code === CHECK_FAILED);
        expect(failed.length).toBe(nodesOf(doc.parseResult.value).filter(n => n.$type === 'Section').length);
        expect(failed.every(d => (d.data as { detail?: string }).detail === 'hỏng')).toBe(true);
        expect(failed[0].message).toMatch(/^Công cụ kiểm tra gặp sự cố/);
        expect(messages).toContain('kiểm tra chậm');
        expect(doc.diagnostics!.some(d => Diagnostic.getMessageString(d).includes('(') && !failed.includes(d))).toBe(
            true
        );
        vi.restoreAllMocks();
    });
});
