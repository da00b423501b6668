import { describe, expect, test } from 'vitest';
import { findDates, isRealDate, longForm, parseDate, shortForm, toIso } from '../../src/domain/dates.js';

describe('dates as written in documents', () => {
    test.each([
        ['7/4/2014', '2014-04-07'],
        ['07-4-2014', '2014-04-07'],
        ['14.5.2011', '2011-05-14'],
        ['ngày 7/4/2014', '2014-04-07'],
        ['ngày 05 tháng 01 năm 2023', '2023-01-05'],
        ['ngày 29 tháng 12 năm 2023', '2023-12-29'],
        ['tháng 12 năm 2023', '2023-12']
    ])('%s → %s', (raw, iso) => {
        expect(toIso(parseDate(raw)!)).toBe(iso);
    });

    test('a draft date keeps its blanks', () => {
        expect(parseDate('ngày   tháng   năm 2022')).toMatchObject({
            day: undefined,
            month: undefined,
            year: 2022,
            form: 'long'
        });
    });

    test('real calendar dates only', () => {
        expect(isRealDate(parseDate('31/02/2023')!)).toBe(false);
        expect(isRealDate(parseDate('29/02/2024')!)).toBe(true);
        expect(isRealDate(parseDate('29/02/2023')!)).toBe(false);
        expect(isRealDate(parseDate('ngày 05 tháng 13 năm 2023')!)).toBe(false);
    });

    test('official long form and citation short form (leading zeros for days < 10 and months 1, 2)', () => {
        expect(longForm(parseDate('5/1/2023')!)).toBe('ngày 05 tháng 01 năm 2023');
        expect(longForm(parseDate('29/12/2023')!)).toBe('ngày 29 tháng 12 năm 2023');
        expect(shortForm(parseDate('7-4-2014')!)).toBe('07/4/2014');
    });

    test('finds dates inside text with their offsets', () => {
        const text = 'Chỉ thị số 34-CT/TW ngày 7/4/2014 của Bộ Chính trị, hoàn thành trước ngày 31 tháng 12 năm 2023.';
        const found = findDates(text);
        expect(found.map(d => toIso(d))).toEqual(['2014-04-07', '2023-12-31']);
        expect(text.slice(found[0].offset, found[0].offset + found[0].length)).toBe('ngày 7/4/2014');
    });

    test('a document number is not a date', () => {
        expect(findDates('Nghị định 98/2023/NĐ-CP')).toEqual([]);
    });
});
