// What the folder's index keeps for every document is kept compactly: segments as one object of numbers, the texts
// that documents repeat as one copy. The figures are heap sizes after full collections.
import { CstUtils, EmptyFileSystem, URI } from 'langium';
import { getHeapStatistics } from 'node:v8';
import { describe, expect, test } from 'vitest';
import { collectGarbage } from '../../src/language/workspace/collect-garbage.js';
import { forgetShared, shared, sharingTexts, shareTexts } from '../../src/domain/memo.js';
import { PackedSegment } from '../../src/language/syntax/segments.js';
import {
    exportsOf,
    referencesOf,
    saveExports,
    saveReferences,
    type SavedDocument
} from '../../src/language/workspace/saved-index.js';
import type { ThiduaIndexManager } from '../../src/language/workspace/thidua-index-manager.js';
import { createThiduaServices } from '../../src/language/thidua-module.js';
import { exampleTexts, workspace } from '../helpers.js';

function heapMb(): number {
    collectGarbage();
    collectGarbage();
    return getHeapStatistics().used_heap_size / 2 ** 20;
}

describe('the index of a folder', () => {
    test('its names and references hold packed segments with the offsets and ranges of their nodes', async () => {
        const { docs, services } = await workspace(exampleTexts());
        const index = services.shared.workspace.IndexManager as ThiduaIndexManager;
        const locator = services.Thidua.workspace.AstNodeLocator;
        let exports = 0,
            references = 0;
        for (const doc of docs.values()) {
            const root = doc.parseResult.value;
            for (const d of index.exportsOf(doc.uri.toString())) {
                expect(d.selectionSegment).toBeInstanceOf(PackedSegment);
                const node = locator.getAstNode(root, d.path)!;
                const plain = CstUtils.toDocumentSegment(node.$cstNode)!;
                expect([d.selectionSegment!.offset, d.selectionSegment!.end, d.selectionSegment!.length]).toEqual([
                    plain.offset,
                    plain.end,
                    plain.length
                ]);
                expect(d.selectionSegment!.range).toEqual(plain.range);
                exports++;
            }
            for (const r of index.referencesOf(doc.uri.toString())) {
                expect(r.segment).toBeInstanceOf(PackedSegment);
                const source = locator.getAstNode(root, r.sourcePath)!;
                expect(doc.textDocument.getText(r.segment.range)).toBe(
                    doc.textDocument.getText().slice(r.segment.offset, r.segment.end)
                );
                expect(source.$cstNode!.text).toContain(doc.textDocument.getText(r.segment.range));
                references++;
            }
        }
        expect(exports).toBeGreaterThan(10);
        expect(references).toBeGreaterThan(10);
    });

    test('entries taken back from a saved index hold packed segments equal to those saved', async () => {
        const { docs, services } = await workspace(exampleTexts());
        const index = services.shared.workspace.IndexManager as ThiduaIndexManager;
        const doc = [...docs.values()].find(d => index.referencesOf(d.uri.toString()).length)!;
        const uri = doc.uri.toString();
        const saved = {
            exports: saveExports(index.exportsOf(uri)),
            references: saveReferences(index.referencesOf(uri))
        };
        const back = JSON.parse(JSON.stringify(saved)) as typeof saved;
        const restored = referencesOf(back as SavedDocument, doc.uri, new Map());
        restored.forEach((r, i) => {
            expect(r.segment).toBeInstanceOf(PackedSegment);
            expect(r.segment.range).toEqual(index.referencesOf(uri)[i].segment.range);
        });
        for (const d of exportsOf(back, URI.parse(uri))) expect(d.nameSegment).toBeInstanceOf(PackedSegment);
    });
});

describe('texts kept by many documents', () => {
    test('shared gives one copy of a text, however many times it is kept', () => {
        const before = heapMb();
        // 4,000 equal texts of 4,000 characters, each cut from its own larger text.
        const kept = Array.from({ length: 4000 }, (_, i) => shared(`${'thi đua '.repeat(500)}${i}`.slice(0, 4000)));
        const grown = heapMb() - before;
        expect(new Set(kept).size).toBe(1);
        // Each its own copy: 4,000 × 8 KB = 31 MB.
        expect(grown).toBeLessThan(2);
    });

    test('a thread whose texts are sent away keeps each as it is given', () => {
        sharingTexts(false);
        try {
            const before = heapMb();
            const kept = Array.from({ length: 4000 }, (_, i) => shared(`${'thi đua '.repeat(500)}${i}`.slice(0, 4000)));
            // Nothing looked up: each of the 4,000 equal texts is kept as given (31 MB).
            expect(heapMb() - before).toBeGreaterThan(20);
            expect(kept[3999]).toBe('thi đua '.repeat(500));
        } finally {
            sharingTexts(true);
        }
        const before = heapMb();
        const kept = Array.from({ length: 4000 }, (_, i) => shared(`${'thi đua '.repeat(500)}${i}`.slice(0, 4000)));
        expect(heapMb() - before).toBeLessThan(2);
        expect(new Set(kept).size).toBe(1);
    });

    test('the texts shared are bounded in characters, and forgotten when asked', () => {
        forgetShared();
        const before = heapMb();
        // 6,000 different texts of 2,000 Vietnamese characters: 24 MB if all were remembered.
        for (let i = 0; i < 6000; i++) shared(`${i} ${'thi đua '.repeat(250)}`.slice(0, 2000));
        const kept = heapMb() - before;
        expect(kept).toBeLessThan(12);
        forgetShared();
        expect(heapMb() - before).toBeLessThan(1);
    });

    test('shareTexts keeps once the texts repeated in entries read from a file or another thread', () => {
        const tail = 'của Ủy ban nhân dân tỉnh '.repeat(160);
        const json = JSON.stringify(
            Array.from({ length: 2000 }, (_, n) => ({
                digest: { cited: [{ head: 'Chỉ thị số ', tail }] },
                names: [tail, `${n}`]
            }))
        );
        const before = heapMb();
        const entries = shareTexts(JSON.parse(json) as { digest: { cited: { tail: string }[] }; names: string[] }[]);
        const grown = heapMb() - before;
        expect(entries[1999].digest.cited[0].tail).toBe(tail);
        expect(entries[1999].names).toEqual([tail, '1999']);
        // Each its own copy: 2 × 2,000 × 8 KB = 31 MB.
        expect(grown).toBeLessThan(3);
    });

    test('the digests of documents citing the same directive keep its text once', async () => {
        const tail = ` ngày 07/4/2014 của Bộ Chính trị về ${'tiếp tục đổi mới công tác thi đua, khen thưởng '.repeat(200)}`;
        const text = (n: number) =>
            `KẾ HOẠCH\nThi đua năm ${2000 + n}\n\nI. MỤC ĐÍCH\n1. Thực hiện [Chỉ thị số 34-CT/TW${tail}] tốt.\n`;
        const { shared: sharedServices, Thidua } = createThiduaServices(EmptyFileSystem);
        const documents = Array.from({ length: 150 }, (_, n) => {
            const d = sharedServices.workspace.LangiumDocumentFactory.fromString(
                text(n),
                URI.file(`/ws/kh-${n}.thidua`)
            );
            sharedServices.workspace.LangiumDocuments.addDocument(d);
            return d;
        });
        // Built without the checks: the digests are made below, when first asked for.
        await sharedServices.workspace.DocumentBuilder.build(documents, { validation: false });
        const before = heapMb();
        const digests = documents.map(d => Thidua.model.DocumentModel.digestSourceOf(d));
        const grown = heapMb() - before;
        expect(digests.every(d => d?.cited[0]?.tail === digests[0]?.cited[0]?.tail)).toBe(true);
        expect(digests[0]?.cited[0]?.tail?.length).toBeGreaterThan(9000);
        // Each its own copy of the ~9,400-character tail (19 KB): 150 × 19 KB = 2.8 MB.
        expect(grown).toBeLessThan(1);
    });
});
