// The end of a first opening: the editor's requests already queued are answered first; the saved index is made and
// written a slice at a time, letting the editor's requests in (it held the server for 0.6 s at once after 5,000
// files); the memory is given back once it is saved, not before (a collection at the end of the build held the
// editor's first requests for 0.15 s after 5,000 files).
import { DocumentState } from 'langium';
import { describe, expect, test, vi } from 'vitest';
import type { IndexWorkers } from '../../src/language/workspace/saved-index.js';
import { plansFolder, startCounting, store } from './lsp-helpers.js';

const events = vi.hoisted(() => [] as string[]);

vi.mock('../../src/language/workspace/collect-garbage.js', async original => {
    const actual = await original<typeof import('../../src/language/workspace/collect-garbage.js')>();
    return {
        ...actual,
        returnMemory: () => {
            events.push('return');
            actual.returnMemory();
        }
    };
});

describe('the end of a first opening', () => {
    test('answers what is queued, saves the index letting requests in, then gives the memory back', async () => {
        // The turns of the event loop in which the documents' entries are written as JSON.
        let turn = 0;
        const turns = new Set<number>();
        const stringify = JSON.stringify.bind(JSON);
        vi.spyOn(JSON, 'stringify').mockImplementation((...args: Parameters<typeof JSON.stringify>) => {
            if (turn && Array.isArray(args[0]) && typeof args[0][0] === 'string') turns.add(turn);
            return stringify(...args);
        });
        const { store: saved } = store();
        const save = saved.save.bind(saved);
        saved.save = async (folders, documents) => {
            events.push('save');
            const next = () => {
                if (!turn) return;
                turn++;
                setImmediate(next);
            };
            turn = 1;
            setImmediate(next);
            await save(folders, documents);
            turn = 0;
        };
        // A thread that gives nothing back: the files it took are built here after it, the last ones just before the
        // collection.
        const indexWorkers: IndexWorkers = {
            count: () => 1,
            run: async (_count, _targets, next) => {
                while (next());
            }
        };
        await startCounting(plansFolder('thidua-memory-', 600), {
            indexStore: saved,
            indexWorkers,
            prepare: ({ shared }) => {
                // As a request the editor sent while the last file was built.
                let request: ReturnType<typeof setImmediate> | undefined;
                shared.workspace.DocumentBuilder.onBuildPhase(DocumentState.Validated, () => {
                    if (request) clearImmediate(request);
                    request = setImmediate(() => {
                        events.push('answered');
                        // Sent as the last request was answered: answered while the index entries are made.
                        setImmediate(() => events.push('answered while making'));
                    });
                });
            }
        });
        await vi.waitFor(() => expect(events).toContain('return'));
        expect(events.slice(events.lastIndexOf('answered'))).toEqual([
            'answered',
            'answered while making',
            'save',
            'return'
        ]);
        // Over 600 documents, 250 at a time, the editor's requests let in between.
        expect(turns.size).toBeGreaterThanOrEqual(3);
    });
});
