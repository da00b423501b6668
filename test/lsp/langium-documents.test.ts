// The folder's documents are looked up by URI in a map: a link to another document looks it up, and Langium's tree
// of path segments parsed and printed the URI again at each lookup.
import { EmptyFileSystem, URI, type LangiumDocument } from 'langium';
import { describe, expect, test, vi } from 'vitest';
import { createThiduaServices } from '../../src/language/thidua-module.js';

function store() {
    const { shared } = createThiduaServices(EmptyFileSystem);
    const { LangiumDocuments, LangiumDocumentFactory } = shared.workspace;
    const add = (path: string) => {
        const document = LangiumDocumentFactory.fromString('KẾ HOẠCH\n', URI.file(path));
        LangiumDocuments.addDocument(document);
        return document;
    };
    return { documents: LangiumDocuments, factory: LangiumDocumentFactory, add };
}

const uris = (documents: LangiumDocument[]) => documents.map(d => d.uri.path).sort();

describe('the documents of a folder', () => {
    test('are found by URI without parsing it again', () => {
        const { documents, add } = store();
        const added = Array.from({ length: 200 }, (_, i) => add(`/tỉnh/huyện ${i % 3}/kế hoạch ${i}.thidua`));
        const parse = vi.spyOn(URI, 'parse');
        try {
            for (const d of added) {
                // A URI made again from the file's path, as an editor's message gives it.
                const uri = URI.file(d.uri.fsPath);
                expect(documents.getDocument(uri)).toBe(d);
                expect(documents.hasDocument(uri)).toBe(true);
            }
            expect(documents.hasDocument(URI.file('/tỉnh/khác.thidua'))).toBe(false);
            expect(parse).not.toHaveBeenCalled();
        } finally {
            parse.mockRestore();
        }
    });

    test('are added once, listed, and deleted one by one or by folder', () => {
        const { documents, factory, add } = store();
        add('/a/x.thidua');
        add('/a/b/y.thidua');
        add('/ab/z.thidua');
        expect(() => add('/a/x.thidua')).toThrow(/already present/);
        expect(uris(documents.all.toArray())).toEqual(['/a/b/y.thidua', '/a/x.thidua', '/ab/z.thidua']);
        // A folder holds what is below it, not a neighbour whose name starts alike.
        expect(uris(documents.getDocuments(URI.file('/a')))).toEqual(['/a/b/y.thidua', '/a/x.thidua']);
        const deleted = documents.deleteDocuments(URI.file('/a/'));
        expect(uris(deleted)).toEqual(['/a/b/y.thidua', '/a/x.thidua']);
        expect(deleted.every(d => d.state === 0)).toBe(true);
        expect(uris(documents.all.toArray())).toEqual(['/ab/z.thidua']);
        expect(documents.deleteDocument(URI.file('/ab/z.thidua'))?.uri.path).toBe('/ab/z.thidua');
        expect(documents.deleteDocument(URI.file('/ab/z.thidua'))).toBeUndefined();
        expect(documents.all.count()).toBe(0);
        // A file deleted as an editor may name it (a drive letter in capitals, its colon not encoded).
        const windows = factory.fromString('KẾ HOẠCH\n', URI.parse('file:///c%3A/vb/k.thidua'));
        documents.addDocument(windows);
        expect(documents.deleteDocuments(URI.parse('file:///C:/vb/k.thidua'))).toEqual([windows]);
        documents.addDocument(windows);
        expect(documents.deleteDocuments(URI.parse('file:///C:/vb'))).toEqual([windows]);
        expect(documents.hasDocument(windows.uri)).toBe(false);
        // Going through them while deleting and adding: each is seen once.
        add('/c/1.thidua');
        add('/c/2.thidua');
        const seen: string[] = [];
        for (const d of documents.all) {
            seen.push(d.uri.path);
            documents.deleteDocument(d.uri);
            if (seen.length < 10) add(`/c/n${seen.length}.thidua`);
        }
        expect(seen).toEqual(['/c/1.thidua', '/c/2.thidua']);
        // Added again once deleted.
        add('/a/x.thidua');
        expect(documents.hasDocument(URI.file('/a/x.thidua'))).toBe(true);
    });
});
