// The line cache replays a line's findings in any document with the same line; what it keeps must not hold the tree
// of the document the line was first checked in (a folder's check held 800 of its 1,000 trees at its end).
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { EmptyFileSystem, URI } from 'langium';
import { describe, expect, test } from 'vitest';
import { createThiduaServices } from '../../src/language/thidua-module.js';
import { exampleTexts } from '../helpers.js';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

describe('the line cache', () => {
    test('keeps no tree of a document once the document is gone', async () => {
        const { shared } = createThiduaServices(EmptyFileSystem);
        const text = exampleTexts()['003-chi-thi-huong-tra-2024.thidua'];
        const build = async (name: string) => {
            const document = shared.workspace.LangiumDocumentFactory.fromString(text, URI.parse(`file:///ws/${name}`));
            shared.workspace.LangiumDocuments.addDocument(document);
            await shared.workspace.DocumentBuilder.build([document], { validation: true });
            return document;
        };
        // Only its tree (weakly), its URI and its findings are kept here.
        const first = await build('a.thidua').then(d => ({
            uri: d.uri,
            tree: new WeakRef(d.parseResult.value),
            messages: d.diagnostics?.map(x => x.message)
        }));
        expect(first.messages?.length).toBeGreaterThan(3);
        // The same lines in another document: replayed from the cache.
        const second = await build('b.thidua');
        expect(second.diagnostics?.map(d => d.message)).toEqual(first.messages);
        await shared.workspace.DocumentBuilder.update([], [first.uri]);
        await new Promise(resolve => setImmediate(resolve));
        gc();
        expect(first.tree.deref()).toBeUndefined();
    });
});
