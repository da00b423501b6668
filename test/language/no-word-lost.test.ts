import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { generateText } from '../../src/generate/text.js';
import { leftOut, normalise, seedOf } from '../fixtures/seed-map.js';
import { loadExamples } from '../helpers.js';

const examples = await loadExamples();

describe('no word lost: each example renders to its seed document text', () => {
    for (const [example, seed] of Object.entries(seedOf)) {
        test(example, () => {
            let expected = readFileSync(join(import.meta.dirname, '..', 'fixtures', 'seeds', seed), 'utf8');
            for (const chrome of leftOut[seed] ?? []) {
                expect(expected).toContain(chrome);
                expected = expected.replace(chrome, '');
            }
            const doc = examples.get(example)!;
            const actual = normalise(generateText(doc.parseResult.value));
            const want = normalise(expected);
            if (actual !== want) {
                let i = 0;
                while (i < actual.length && actual[i] === want[i]) i++;
                expect(actual.slice(Math.max(0, i - 60), i + 80)).toBe(want.slice(Math.max(0, i - 60), i + 80));
            }
            expect(actual).toBe(want);
        });
    }

    test('the left-out chrome of seed 004 is exactly three lines of site navigation', () => {
        expect(leftOut['004_dbd83b5acd226dfa.txt']).toHaveLength(3);
        expect(Object.keys(leftOut)).toEqual(['004_dbd83b5acd226dfa.txt']);
    });
});
