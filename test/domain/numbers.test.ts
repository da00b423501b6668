import { describe, expect, test } from 'vitest';
import { formatViNumber, parseViNumber } from '../../src/domain/numbers.js';

describe('Vietnamese number notation', () => {
    test.each([
        ['22.400', 22400],
        ['1.571,822', 1571.822],
        ['60,7', 60.7],
        ['02', 2],
        ['3.250', 3250],
        ['116.000', 116000],
        ['0,73', 0.73],
        ['684,510', 684.51],
        ['1.000.000', 1000000]
    ])('%s is %d', (raw, value) => {
        expect(parseViNumber(raw)?.value).toBe(value);
    });

    test('"22,400" is flagged as ambiguous; "60,7" and "0,400" are not', () => {
        expect(parseViNumber('22,400')).toMatchObject({ value: 22.4, ambiguous: true });
        expect(parseViNumber('60,7')?.ambiguous).toBe(false);
        expect(parseViNumber('0,400')?.ambiguous).toBe(false);
    });

    test('a dot used as a decimal mark is recognised', () => {
        expect(parseViNumber('2.5')).toMatchObject({ value: 2.5, dotDecimal: true });
    });

    test('not a number', () => {
        expect(parseViNumber('abc')).toBeUndefined();
        expect(parseViNumber('1,2,3')).toBeUndefined();
    });

    test('formats back the Vietnamese way', () => {
        expect(formatViNumber(1571.822)).toBe('1.571,822');
        expect(formatViNumber(22400)).toBe('22.400');
        expect(formatViNumber(14.375, 2)).toBe('14,38');
    });
});
