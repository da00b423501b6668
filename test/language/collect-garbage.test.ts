import { constants, PerformanceObserver, type PerformanceEntry } from 'node:perf_hooks';
import { describe, expect, test } from 'vitest';
import { collectIfGrown, returnMemory, returnMemoryIfGrown } from '../../src/language/workspace/collect-garbage.js';

/** The full collections a call asked for (V8 marks them forced). */
async function forcedCollections(run: () => void): Promise<number> {
    const seen: PerformanceEntry[] = [];
    const observer = new PerformanceObserver(list => seen.push(...list.getEntries()));
    observer.observe({ entryTypes: ['gc'] });
    run();
    // Entries are delivered after the call returns.
    await new Promise(r => setTimeout(r, 50));
    observer.disconnect();
    return seen.filter(e => {
        const detail = (e as PerformanceEntry & { detail: { kind: number; flags: number } }).detail;
        return (
            detail.kind === constants.NODE_PERFORMANCE_GC_MAJOR &&
            detail.flags & constants.NODE_PERFORMANCE_GC_FLAGS_FORCED
        );
    }).length;
}

describe('a long batch collects garbage when its heap has doubled', () => {
    test('once past the floor, then only after the heap doubles again', async () => {
        expect(await forcedCollections(() => collectIfGrown(1))).toBe(1);
        expect(await forcedCollections(() => collectIfGrown(1))).toBe(0);
        // Kept alive: more than the heap held after the last collection.
        const held: number[][] = [];
        const before = process.memoryUsage().heapUsed;
        while (process.memoryUsage().heapUsed < 2.5 * before) held.push(Array.from({ length: 100_000 }, (_, i) => i));
        expect(await forcedCollections(() => collectIfGrown(1))).toBe(1);
        expect(held.length).toBeGreaterThan(0);
    });

    test('not below the floor', async () => {
        expect(await forcedCollections(() => collectIfGrown(100_000))).toBe(0);
    });
});

describe('an idle server gives back what its last edits left', () => {
    test('only when the heap holds 1.5 × what it held after the last return, and past the floor', () => {
        returnMemory();
        expect(returnMemoryIfGrown(1)).toBe(false);
        const before = process.memoryUsage().heapUsed;
        // Garbage once the function returns.
        const fill = () => {
            const garbage: number[][] = [];
            while (process.memoryUsage().heapUsed < 1.7 * before)
                garbage.push(Array.from({ length: 100_000 }, (_, i) => i));
            return garbage.length;
        };
        expect(fill()).toBeGreaterThan(0);
        const grown = process.memoryUsage().heapUsed;
        expect(returnMemoryIfGrown(100_000)).toBe(false);
        expect(returnMemoryIfGrown(1)).toBe(true);
        expect(process.memoryUsage().heapUsed).toBeLessThan(0.8 * grown);
    });
});
