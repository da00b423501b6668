// Start-up's garbage is given back before the folder's index is saved: the save makes garbage of its own, and the
// memory then came back a collection later (a 5,000-file first opening still held 340 MB half a second after it).
import { describe, expect, test, vi } from 'vitest';
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
    test('gives start-up’s memory back before it saves the index, and again after', async () => {
        const { store: saved } = store();
        const save = saved.save.bind(saved);
        saved.save = (folders, documents) => {
            events.push('save');
            return save(folders, documents);
        };
        await startCounting(plansFolder('thidua-memory-', 20), { indexStore: saved });
        await saved.saved();
        await vi.waitFor(() => expect(events).toEqual(['return', 'save', 'return']));
    });
});
