// Re-parsing only the edited line must give exactly the tree, positions and diagnostics of a full parse.
import { AstUtils, CstUtils, EmptyFileSystem, URI, type AstNode, type LangiumDocument } from 'langium';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { describe, expect, test, vi } from 'vitest';
import { ThiduaDocumentFactory } from '../../src/language/workspace/thidua-document-factory.js';
import { createThiduaServices } from '../../src/language/thidua-module.js';
import { generateDocument, rng } from '../bench/generate.js';
import { exampleTexts } from '../helpers.js';

function shape(doc: LangiumDocument) {
    const root = doc.parseResult.value;
    const nodes = AstUtils.streamAst(root)
        .map(n => {
            const own: Record<string, unknown> = { $type: n.$type };
            for (const [k, v] of Object.entries(n)) {
                if (k.startsWith('$')) continue;
                if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') own[k] = v;
                else if (v && typeof v === 'object' && '$refText' in v)
                    own[k] =
                        `ref:${(v as { $refText: string }).$refText}@${(v as { $refNode?: { offset: number } }).$refNode?.offset}`;
            }
            own.$cst = [n.$cstNode?.offset, n.$cstNode?.end, JSON.stringify(n.$cstNode?.range)];
            return own;
        })
        .toArray();
    // Every node of the syntax tree, tokens and groups: a group's range is remembered, and must follow the edit.
    const leaves = CstUtils.streamCst(root.$cstNode!)
        .map(c => [c.offset, c.length, c.text, c.hidden, JSON.stringify(c.range)])
        .toArray();
    const diagnostics = (doc.diagnostics ?? []).map(d => JSON.stringify([d.range, d.message, d.data])).sort();
    return { nodes, leaves, diagnostics };
}

async function editSession(text: string, seed: number, edits: number) {
    const editor = createThiduaServices(EmptyFileSystem);
    const { shared } = editor;
    const uri = URI.file('/ws/dang-sua.thidua');
    const registry = exampleTexts()['so-van-ban.thidua'];
    const reg = shared.workspace.LangiumDocumentFactory.fromString(registry, URI.file('/ws/so-van-ban.thidua'));
    shared.workspace.LangiumDocuments.addDocument(reg);
    let version = 1;
    shared.workspace.TextDocuments!.set(TextDocument.create(uri.toString(), 'thidua', version, text));
    const doc = shared.workspace.LangiumDocumentFactory.fromString(text, uri);
    shared.workspace.LangiumDocuments.addDocument(doc);
    await shared.workspace.DocumentBuilder.build([reg, doc], { validation: true });
    const r = rng(seed);
    const inserts = [
        'a',
        'ế',
        ' ',
        ',',
        '1',
        'x',
        'chỉ trì ',
        '2021-2015',
        '/',
        '.',
        ':',
        'Ư',
        'KẾ',
        '-',
        ')',
        ' Số:',
        '*',
        '\t'
    ];
    let fast = 0;
    const spy = vi.spyOn(ThiduaDocumentFactory.prototype, 'reparseLine');
    for (let k = 0; k < edits; k++) {
        const lines = text.split('\n');
        const i = Math.floor(r() * lines.length);
        // Edits stay before a line's "\r" (a lone "\r" is a line break of its own).
        const length = lines[i].replace(/\r$/, '').length;
        const at = Math.floor(r() * (length + 1));
        const del = r() < 0.3 && at < length;
        lines[i] = del
            ? lines[i].slice(0, at) + lines[i].slice(at + 1)
            : lines[i].slice(0, at) + inserts[Math.floor(r() * inserts.length)] + lines[i].slice(at);
        text = lines.join('\n');
        shared.workspace.TextDocuments!.set(TextDocument.create(uri.toString(), 'thidua', ++version, text));
        spy.mockClear();
        await shared.workspace.DocumentBuilder.update([uri], []);
        if (spy.mock.results.some(x => x.value === true)) fast++;
        const fresh = createThiduaServices(EmptyFileSystem).shared;
        const freshReg = fresh.workspace.LangiumDocumentFactory.fromString(registry, URI.file('/ws/so-van-ban.thidua'));
        const freshDoc = fresh.workspace.LangiumDocumentFactory.fromString(text, uri);
        fresh.workspace.LangiumDocuments.addDocument(freshReg);
        fresh.workspace.LangiumDocuments.addDocument(freshDoc);
        // The editor runs the checks of the 'fast' category on each change (the workspace-wide ones on save).
        await fresh.workspace.DocumentBuilder.build([freshReg, freshDoc], {
            validation: { categories: ['built-in', 'fast'] }
        });
        const got = shape(shared.workspace.LangiumDocuments.getDocument(uri)!),
            want = shape(freshDoc);
        expect(got.leaves, `edit ${k} on line ${i + 1}`).toEqual(want.leaves);
        expect(got.nodes, `edit ${k} on line ${i + 1}`).toEqual(want.nodes);
        expect(got.diagnostics, `edit ${k} on line ${i + 1}`).toEqual(want.diagnostics);
    }
    spy.mockRestore();
    return fast;
}

describe('re-parsing the edited line only', () => {
    test('random edits to the examples: same tree, positions and diagnostics as a full parse', async () => {
        let fast = 0,
            seed = 1;
        for (const [name, text] of Object.entries(exampleTexts())) {
            if (name.startsWith('so-')) continue;
            fast += await editSession(text, seed++, 40);
        }
        // Most edits inside a line keep its kinds of tokens and take the short way.
        expect(fast).toBeGreaterThan(50);
    }, 120_000);

    test('random edits to a document with Windows line ends', async () => {
        const text = exampleTexts()['002-ke-hoach-tam-duong-20-nam.thidua'].replace(/\n/g, '\r\n');
        expect(await editSession(text, 21, 40)).toBeGreaterThan(2);
    }, 120_000);

    test('random edits to a generated 300-line plan', async () => {
        expect(await editSession(generateDocument(300, 3), 9, 60)).toBeGreaterThan(20);
    }, 120_000);

    test('a document with a syntax error, a typed line break and an opened bracket take the full parse', async () => {
        const editor = createThiduaServices(EmptyFileSystem);
        const factory = editor.shared.workspace.LangiumDocumentFactory as ThiduaDocumentFactory;
        const text = 'KẾ HOẠCH\nThi đua năm 2024\n\nI. MỤC ĐÍCH\n1. Nội dung thi đua.\n';
        const doc = factory.fromString(text, URI.file('/ws/a.thidua'));
        expect(factory.reparseLine(doc, text, text.replace('Nội dung', 'Nội\ndung'))).toBe(false);
        expect(factory.reparseLine(doc, text, text.replace('Nội dung', 'Nội [dung'))).toBe(false);
        expect(factory.reparseLine(doc, text, text.replace('Nội dung', 'Nội dung mới'))).toBe(true);
        expect(
            (doc.parseResult.value as AstNode & { body: { items: { parts: { text: string }[] }[] }[] }).body[0].items[0]
                .parts[0].text
        ).toBe(' Nội dung mới thi đua.');
    });
});
