// References are looked up in the index by name instead of a table of every exported name made after each change;
// the answers must be Langium's: the same elements, in the same order, after any additions, removals and updates.
import { EmptyFileSystem, MultiMapScope, URI, type AstNodeDescription } from 'langium';
import { describe, expect, test, vi } from 'vitest';
import { createThiduaServices } from '../../src/language/thidua-module.js';
import type { ThiduaIndexManager } from '../../src/language/workspace/thidua-index-manager.js';
import { rng } from '../bench/generate.js';
import { exampleTexts } from '../helpers.js';

const TYPES = ['RegistryEntry', 'Value'];
const show = (d: AstNodeDescription | undefined) => d && `${d.documentUri.path}#${d.path}:${d.name}`;

describe('the folder scope of a reference', () => {
    test('finds what Langium’s global scope finds, in its order, while documents come, change and go', async () => {
        const { shared, Thidua } = createThiduaServices(EmptyFileSystem);
        const index = shared.workspace.IndexManager as ThiduaIndexManager;
        const scopes = Thidua.references.ScopeProvider as unknown as {
            getGlobalScope(type: string, context: unknown): MultiMapScope;
        };
        const texts = Object.values(exampleTexts());
        const random = rng(7);
        const live: URI[] = [];
        let added = 0;
        const compare = () => {
            const names = new Set([...index.allElements()].map(d => d.name));
            names.add('không-có-tên-này');
            for (const type of TYPES) {
                const langium = new MultiMapScope(index.allElements(type));
                const ours = scopes.getGlobalScope(type, {});
                for (const name of names) {
                    expect(ours.getElements(name).map(show).toArray()).toEqual(
                        langium.getElements(name).map(show).toArray()
                    );
                    expect(show(ours.getElement(name))).toEqual(show(langium.getElement(name)));
                }
                expect(ours.getAllElements().map(show).toArray()).toEqual(langium.getAllElements().map(show).toArray());
            }
            return names.size;
        };
        let largest = 0;
        for (let step = 0; step < 60; step++) {
            const x = random();
            if (x < 0.5 || live.length < 3) {
                // The same texts again and again: most names are exported by several documents.
                const uri = URI.parse(`file:///ws/vb-${added++}.thidua`);
                const document = shared.workspace.LangiumDocumentFactory.fromString(
                    texts[Math.floor(random() * texts.length)],
                    uri
                );
                shared.workspace.LangiumDocuments.addDocument(document);
                await shared.workspace.DocumentBuilder.build([document]);
                live.push(uri);
            } else if (x < 0.75) {
                const [uri] = live.splice(Math.floor(random() * live.length), 1);
                await shared.workspace.DocumentBuilder.update([], [uri]);
            } else {
                // Updated in place (as from a saved index): the document keeps its place in the index.
                const uri = live[Math.floor(random() * live.length)];
                const other = live[Math.floor(random() * live.length)];
                const exports = index.exportsOf(other.toString()).map(d => ({ ...d, documentUri: uri }));
                index.restore(uri.toString(), exports, []);
            }
            largest = Math.max(largest, compare());
        }
        expect(largest).toBeGreaterThan(20);
    });

    test('is looked up by name, not made of every exported name after a change', async () => {
        const { shared, Thidua } = createThiduaServices(EmptyFileSystem);
        const index = shared.workspace.IndexManager as ThiduaIndexManager;
        const texts = exampleTexts();
        const documents = Object.entries(texts).map(([name, text]) =>
            shared.workspace.LangiumDocumentFactory.fromString(text, URI.parse(`file:///ws/${name}`))
        );
        for (const d of documents) shared.workspace.LangiumDocuments.addDocument(d);
        await shared.workspace.DocumentBuilder.build(documents);
        await shared.workspace.DocumentBuilder.update([], [documents[0].uri]);
        const everyName = vi.spyOn(index, 'allElements');
        const scope = (
            Thidua.references.ScopeProvider as unknown as {
                getGlobalScope(type: string, context: unknown): MultiMapScope;
            }
        ).getGlobalScope('RegistryEntry', {});
        expect(show(scope.getElement('34-CT/TW'))).toMatch(/so-van-ban/);
        expect(everyName).not.toHaveBeenCalled();
    });
});
