import { describe, expect, test } from 'vitest';
import { parseValue } from '../../src/domain/values.js';

describe('periods and time', () => {
    test('from now / from launch to a date', () => {
        expect(parseValue('Từ nay đến hết ngày 30/8/2022')).toMatchObject({
            type: 'period',
            start: { kind: 'now' },
            end: { kind: 'date', date: { day: 30, month: 8, year: 2022 } }
        });
        expect(parseValue('Từ ngày phát động thi đua đến hết ngày 31 tháng 12 năm 2023')).toMatchObject({
            start: { kind: 'issuance' },
            end: { date: { day: 31, month: 12 } }
        });
        expect(parseValue('từ ngày 01/01/2024 đến ngày 31/12/2024')).toMatchObject({
            start: { kind: 'date', date: { day: 1, month: 1 } },
            end: { kind: 'date', date: { day: 31 } }
        });
    });

    test('year periods, written as real documents write them (even "2021-2015")', () => {
        expect(parseValue('giai đoạn 2021-2015')).toMatchObject({
            type: 'period',
            start: { year: 2021 },
            end: { year: 2015 }
        });
        expect(parseValue('giai đoạn 2021 – 2025')).toMatchObject({ start: { year: 2021 }, end: { year: 2025 } });
        expect(parseValue('(2021 - 2025)')).toMatchObject({
            type: 'period',
            start: { year: 2021 },
            end: { year: 2025 }
        });
    });

    test('anniversary with origin and anniversary dates', () => {
        expect(
            parseValue(
                'kỷ niệm 75 năm ngày Chủ tịch Hồ Chí Minh ra Lời kêu gọi thi đua ái quốc (11/6/1948 - 11/6/2023)'
            )
        ).toMatchObject({
            type: 'anniversary',
            count: 75,
            countUnit: 'năm',
            origin: { date: { year: 1948 } },
            anniversary: { date: { year: 2023 } }
        });
    });

    test('deadline, date and cadence', () => {
        expect(parseValue('trước ngày 15/12/2023')).toMatchObject({
            type: 'deadline',
            date: { day: 15, month: 12, year: 2023 }
        });
        expect(parseValue('ngày 26/1/2022')).toMatchObject({ type: 'date', date: { day: 26, month: 1 } });
        expect(parseValue('định kỳ hằng quý')).toMatchObject({ type: 'cadence', periods: ['hằng quý'] });
    });
});

describe('indicator targets', () => {
    const first = (text: string) => {
        const v = parseValue(text);
        if (v.type !== 'indicator') throw new Error(v.type);
        return v.parts[0];
    };

    test('ranges with a decimal comma', () => {
        expect(first('Tốc độ tăng trưởng kinh tế: 6,5-7%')).toMatchObject({
            quantity: { kind: 'range', low: { value: 6.5 }, high: { value: 7 } },
            unit: '%'
        });
    });

    test('comparators before and after the number', () => {
        expect(first('Tỷ lệ hộ nghèo: không quá 3%')).toMatchObject({
            comparator: 'le',
            quantity: { number: { value: 3 } }
        });
        expect(first('Số sáng kiến: tối thiểu 20 sáng kiến')).toMatchObject({ comparator: 'ge', unit: 'sáng kiến' });
        expect(first('Tỷ lệ phá án đạt 95% trở lên')).toMatchObject({
            comparator: 'ge',
            comparatorText: 'trở lên',
            verb: 'đạt'
        });
    });

    test('per-mille and rates', () => {
        expect(first('Mức giảm tỷ suất sinh: 0,08‰')).toMatchObject({
            unit: '‰',
            quantity: { number: { value: 0.08 } }
        });
        expect(first('Thu nhập bình quân: 43,8 triệu đồng/người/năm')).toMatchObject({ unit: 'triệu đồng/người/năm' });
    });

    test('an unknown unit is kept as written (the checks suggest known ones)', () => {
        const t = first('Trồng cây xanh: 500 cây');
        expect(t.unit).toBe('cây');
        expect(t.unitInfo).toBeUndefined();
    });

    test('a reduction with "bằng … so với"', () => {
        expect(first('Chi ngân sách: 684,510 tỷ đồng, bằng 112,58% so với ước thực hiện năm 2022')).toMatchObject({
            quantity: { number: { value: 684.51 } },
            comparison: { direction: 'bằng', percent: { value: 112.58 } }
        });
    });
});
