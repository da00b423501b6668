// What an edit in the editor rebuilds: the open documents, and only the links a change can fix.
import { DocumentState, EmptyFileSystem, URI } from 'langium';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { describe, expect, test } from 'vitest';
import { createThiduaServices } from '../../src/language/thidua-module.js';

const REGISTRY = 'SỔ VĂN BẢN\n- [Chỉ thị số 34-CT/TW ngày 07/4/2014 của Bộ Chính trị] về đổi mới công tác thi đua\n';
const PLAN = (n: number, cite: string) =>
    `KẾ HOẠCH\nThi đua năm 2024 số ${n}\n\nI. MỤC ĐÍCH\n1. Thực hiện [Chỉ thị số ${cite} của Bộ Chính trị] về thi đua.\n`;

async function editorWorkspace() {
    const { shared } = createThiduaServices(EmptyFileSystem);
    const texts: Record<string, string> = {
        'so-van-ban.thidua': REGISTRY,
        'mo.thidua': PLAN(1, '34-CT/TW ngày 07/4/2014'),
        'dong.thidua': PLAN(2, '05-CT/TW ngày 15/5/2016')
    };
    const uris = Object.keys(texts).map(n => URI.file(`/ws/${n}`));
    for (const [name, text] of Object.entries(texts)) {
        shared.workspace.LangiumDocuments.addDocument(
            shared.workspace.LangiumDocumentFactory.fromString(text, URI.file(`/ws/${name}`))
        );
    }
    // The workspace is indexed without validation, as at start-up; then "mo.thidua" is opened in the editor.
    await shared.workspace.DocumentBuilder.build(
        uris.map(u => shared.workspace.LangiumDocuments.getDocument(u)!),
        {}
    );
    const open = (name: string, text: string, version = 1) =>
        shared.workspace.TextDocuments!.set(
            TextDocument.create(URI.file(`/ws/${name}`).toString(), 'thidua', version, text)
        );
    open('mo.thidua', texts['mo.thidua']);
    const doc = (name: string) => shared.workspace.LangiumDocuments.getDocument(URI.file(`/ws/${name}`))!;
    const linked: string[] = [];
    shared.workspace.DocumentBuilder.onDocumentPhase(DocumentState.Linked, d => {
        linked.push(d.uri.path.split('/').pop()!);
    });
    return {
        shared,
        texts,
        open,
        doc,
        linked,
        update: (name: string) => shared.workspace.DocumentBuilder.update([URI.file(`/ws/${name}`)], [])
    };
}

describe('an edit in the editor', () => {
    test('validates the documents open in the editor, not the whole folder', async () => {
        const ws = await editorWorkspace();
        await ws.update('mo.thidua');
        expect(ws.doc('mo.thidua').state).toBe(DocumentState.Validated);
        expect(ws.doc('mo.thidua').diagnostics).toBeDefined();
        expect(ws.doc('dong.thidua').state).toBeLessThan(DocumentState.Validated);
        expect(ws.doc('dong.thidua').diagnostics).toBeUndefined();
        // Opening it (the command "Kiểm tra toàn bộ thư mục" opens every file) checks it.
        ws.open('dong.thidua', ws.texts['dong.thidua']);
        await ws.update('dong.thidua');
        expect(ws.doc('dong.thidua').state).toBe(DocumentState.Validated);
    });

    test('relinks a document with an unresolved citation only when the changed text contains what it cites', async () => {
        const ws = await editorWorkspace();
        expect(ws.doc('dong.thidua').references.some(r => r.error)).toBe(true);
        ws.open('mo.thidua', ws.texts['mo.thidua'] + '2. Thêm một dòng.\n', 2);
        await ws.update('mo.thidua');
        expect(ws.linked).toEqual(['mo.thidua']);
        ws.linked.length = 0;
        const registry =
            REGISTRY +
            '- [Chỉ thị số 05-CT/TW ngày 15/5/2016 của Bộ Chính trị] về học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh\n';
        ws.open('so-van-ban.thidua', registry);
        await ws.update('so-van-ban.thidua');
        expect(ws.linked.sort()).toEqual(['dong.thidua', 'mo.thidua', 'so-van-ban.thidua']);
        expect(ws.doc('dong.thidua').references.some(r => r.error)).toBe(false);
    });
});
