import { EmptyFileSystem, URI } from 'langium';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { describe, expect, test } from 'vitest';
import { createThiduaServices } from '../../src/language/thidua-module.js';
import { KE_HOACH, REGISTRY, codeOf } from '../checks/check-helpers.js';

describe('workspace-wide checks in the editor', () => {
    test('fast checks on change; the slow, workspace-wide ones when the file is saved', async () => {
        const { shared } = createThiduaServices(EmptyFileSystem);
        const files = {
            'doc.thidua': KE_HOACH,
            'so-van-ban.thidua': REGISTRY,
            'khac.thidua': 'Theo [Kế hoạch số 1279/KH-UBND ngày 19/9/2021 của UBND huyện].\n'
        };
        const docs = Object.entries(files).map(([name, text]) => {
            const d = shared.workspace.LangiumDocumentFactory.fromString(text, URI.file(`/ws/${name}`));
            shared.workspace.LangiumDocuments.addDocument(d);
            return d;
        });
        await shared.workspace.DocumentBuilder.build(docs, { validation: { categories: ['built-in', 'fast'] } });
        const doc = docs[0];
        expect((doc.diagnostics ?? []).map(codeOf)).not.toContain('trich-dan-mau-thuan');
        const saved = TextDocument.create(doc.uri.toString(), 'thidua', 1, KE_HOACH);
        (
            shared.workspace.TextDocuments as unknown as { _onDidSave: { fire(e: { document: TextDocument }): void } }
        )._onDidSave.fire({ document: saved });
        // (A write on the workspace lock would cancel the build: wait for its result instead.)
        for (let i = 0; i < 100 && !(doc.diagnostics ?? []).some(d => codeOf(d) === 'trich-dan-mau-thuan'); i++)
            await new Promise(r => setTimeout(r, 20));
        expect((doc.diagnostics ?? []).map(codeOf)).toContain('trich-dan-mau-thuan');
    });
});
