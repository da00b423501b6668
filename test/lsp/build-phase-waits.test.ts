// A request that waits for the folder's index (workspace symbols) is answered even when it comes while the builder is
// telling the index phase's listeners: an edit's build yields to the event loop between them.
import { Cancellation, DocumentState, URI } from 'langium';
import { describe, expect, test } from 'vitest';
import { ThiduaFileSystem } from '../../src/io/read.js';
import { createThiduaServices } from '../../src/language/thidua-module.js';

const TEXT = 'KẾ HOẠCH\nThi đua\n\n1) {#nuoc_sach Tỷ lệ hộ dùng nước sạch: 95 %}.\n';

function answeredWithin(wait: Promise<unknown>, ms: number): Promise<'answered' | 'still waiting'> {
    return Promise.race([
        wait.then(() => 'answered' as const),
        new Promise<'still waiting'>(resolve => setTimeout(() => resolve('still waiting'), ms))
    ]);
}

describe('waiting for the folder to be indexed', () => {
    test('a wait that starts while the index phase is being told is answered when that phase ends', async () => {
        const { shared } = createThiduaServices(ThiduaFileSystem);
        const builder = shared.workspace.DocumentBuilder;
        const document = shared.workspace.LangiumDocumentFactory.fromString(TEXT, URI.file('/ke-hoach.thidua'));
        shared.workspace.LangiumDocuments.addDocument(document);
        const waits: Promise<void>[] = [];
        // As a request arriving between two listeners: after the listeners were taken, before the state is raised.
        builder.onBuildPhase(DocumentState.IndexedContent, () => {
            if (!waits.length) waits.push(builder.waitUntil(DocumentState.IndexedContent));
        });
        // An edit's build: cancellable, as the editor's updates are.
        await builder.build([document], { validation: false }, new Cancellation.CancellationTokenSource().token);
        expect(document.state).toBeGreaterThanOrEqual(DocumentState.IndexedContent);
        expect(waits).toHaveLength(1);
        expect(await answeredWithin(waits[0], 2000)).toBe('answered');
    });

    test('a later phase still waits for its own moment', async () => {
        const { shared } = createThiduaServices(ThiduaFileSystem);
        const builder = shared.workspace.DocumentBuilder;
        const document = shared.workspace.LangiumDocumentFactory.fromString(TEXT, URI.file('/ke-hoach.thidua'));
        shared.workspace.LangiumDocuments.addDocument(document);
        const order: string[] = [];
        builder.onBuildPhase(DocumentState.IndexedContent, () => {
            if (order.length) return;
            order.push('index told');
            void builder.waitUntil(DocumentState.Linked).then(() => order.push('linked answered'));
        });
        builder.onBuildPhase(DocumentState.Linked, () => void order.push('linked told'));
        await builder.build([document], { validation: false });
        await new Promise(resolve => setTimeout(resolve, 10));
        expect(order).toEqual(['index told', 'linked told', 'linked answered']);
    });
});
