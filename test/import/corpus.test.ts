import { describe, expect, test } from 'vitest';
import { measure, pinned, realFiles } from '../corpus/measure.js';

// Real documents of public bodies (test/fixtures/real/SOURCES.md): web copies, Word and old Word files.
describe('real documents: every import parses, keeps the words in order, and gets only true findings', () => {
    for (const file of realFiles()) {
        test(
            file,
            async () => {
                const m = await measure(file);
                expect(m.parses, file).toBe(true);
                expect(m.kept, file).toBeGreaterThanOrEqual(0.99);
                // Every diagnostic on a real document was read and is a true finding (findings.json says why).
                const expected = Object.fromEntries(Object.entries(pinned[file] ?? {}).map(([code, [n]]) => [code, n]));
                expect(m.diagnostics, file).toEqual(expected);
            },
            120_000
        );
    }

    test('the corpus holds at least 20 documents, three of them Word files, each with its source and hand counts', async () => {
        const files = realFiles();
        expect(files.length).toBeGreaterThanOrEqual(20);
        expect(files.filter(f => /\.docx?$/.test(f)).length).toBeGreaterThanOrEqual(3);
        const { sets, handCounts } = await import('../corpus/measure.js');
        for (const f of files) {
            expect(sets[f], f).toMatch(/^(?:tune|holdout)$/);
            expect(handCounts[f], f).toBeDefined();
        }
    });
});
