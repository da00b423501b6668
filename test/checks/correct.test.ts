import { describe, expect, test } from 'vitest';
import { CHI_THI, KE_HOACH, check, codeOf } from './check-helpers.js';

describe('no rule fires on a correct document written to the standard', () => {
    test('a Kế hoạch covering every part (header, căn cứ, indicators, citations, period, phase, awards, assignments, Nơi nhận, signature)', async () => {
        const c = await check(KE_HOACH);
        expect(c.diagnostics.map(d => `${codeOf(d)}: ${d.message}`)).toEqual([]);
    });

    test('a Chỉ thị of a Chủ tịch, signed by the Chủ tịch', async () => {
        const c = await check(CHI_THI);
        expect(c.diagnostics.map(d => `${codeOf(d)}: ${d.message}`)).toEqual([]);
    });
});
