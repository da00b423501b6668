import { describe, expect, test } from 'vitest';
import { evaluate, parseResult, summary } from '../../src/domain/report.js';
import { parseTarget } from '../../src/domain/values.js';

const judge = (target: string, result: string) => evaluate(parseTarget(target), parseResult(result));

describe('completion of each kind of target', () => {
    test('a plain number: vượt, đạt, không đạt, with the percentage', () => {
        expect(judge('Thu ngân sách: 22.400 triệu đồng', '23.000 triệu đồng')).toMatchObject({ status: 'vượt' });
        expect(judge('Thu ngân sách: 22.400 triệu đồng', '23.000 triệu đồng')!.percent).toBeCloseTo(102.68, 2);
        expect(judge('Thành lập mới HTX: 02 HTX', '02 HTX')).toMatchObject({ status: 'đạt', percent: 100 });
        expect(judge('Thành lập mới HTX: 02 HTX', '01 HTX')).toMatchObject({ status: 'không đạt', percent: 50 });
    });

    test('"dưới 0,73%" is met by 0,70% and missed by 0,75%', () => {
        expect(judge('Tỷ lệ tăng dân số tự nhiên dưới 0,73%', '0,70%')).toMatchObject({ status: 'đạt' });
        expect(judge('Tỷ lệ tăng dân số tự nhiên dưới 0,73%', '0,75%')).toMatchObject({ status: 'không đạt' });
        expect(judge('Tỷ lệ hộ nghèo: không quá 3%', '3%')).toMatchObject({ status: 'đạt' });
    });

    test('"trên" needs more than the number; "trở lên" the number itself', () => {
        expect(judge('Giải quyết việc làm trên 3.250 người', '3.250 người')).toMatchObject({ status: 'không đạt' });
        expect(judge('Giải quyết việc làm trên 3.250 người', '3.400 người')).toMatchObject({ status: 'vượt' });
        expect(judge('Tỷ lệ phá án đạt 95% trở lên', '95%')).toMatchObject({ status: 'đạt' });
    });

    test('a reduction target ("Giảm … 5% trở lên") is met by a larger reduction', () => {
        expect(judge('Giảm tỷ lệ hộ nghèo: 5% trở lên', '5,3%')).toMatchObject({ status: 'vượt', percent: 106 });
        expect(judge('Giảm tỷ lệ hộ nghèo: 5% trở lên', '4%')).toMatchObject({ status: 'không đạt' });
    });

    test('a range "2-3 trường"', () => {
        expect(judge('Xây dựng 2-3 trường đạt chuẩn', '2 trường')).toMatchObject({ status: 'đạt' });
        expect(judge('Xây dựng 2-3 trường đạt chuẩn', '4 trường')).toMatchObject({ status: 'vượt' });
        expect(judge('Xây dựng 2-3 trường đạt chuẩn', '1 trường')).toMatchObject({ status: 'không đạt' });
    });

    test('a fraction "13/13 xã, thị trấn"', () => {
        expect(judge('Duy trì 13/13 xã, thị trấn', '13/13 xã, thị trấn')).toMatchObject({
            status: 'đạt',
            percent: 100
        });
        expect(judge('Duy trì 13/13 xã, thị trấn', '12/13 xã, thị trấn')).toMatchObject({ status: 'không đạt' });
    });

    test('a qualitative target is judged by its stated result', () => {
        expect(
            judge('Kết quả cải cách hành chính các đơn vị đạt khá trở lên', 'các đơn vị đạt loại tốt')
        ).toMatchObject({ status: 'vượt' });
        expect(judge('Kết quả cải cách hành chính các đơn vị đạt khá trở lên', 'đạt loại khá')).toMatchObject({
            status: 'đạt'
        });
        expect(judge('Kết quả cải cách hành chính các đơn vị đạt khá trở lên', 'đạt trung bình')).toMatchObject({
            status: 'không đạt'
        });
    });

    test('units convert where exact (tỷ đồng ↔ triệu đồng) and mismatch otherwise', () => {
        expect(judge('Thu ngân sách: 22.400 triệu đồng', '23 tỷ đồng')).toMatchObject({
            status: 'vượt',
            converted: 23000
        });
        expect(judge('Thu ngân sách: 22.400 triệu đồng', '23 hộ')).toMatchObject({ unitMismatch: true });
    });
});

describe('results as written', () => {
    test('stated percentage and status are read with their places', () => {
        const r = parseResult('Thu ngân sách trên địa bàn: đạt 23.000 triệu đồng, bằng 102,7% kế hoạch, vượt');
        expect(r.quantity).toMatchObject({ number: { value: 23000 } });
        expect(r.unit).toBe('triệu đồng');
        expect(r.statedPercent?.value.value).toBe(102.7);
        expect(r.raw.slice(r.statedPercent!.offset, r.statedPercent!.offset + r.statedPercent!.length)).toBe('102,7');
        expect(r.statedStatus?.status).toBe('vượt');
        expect(parseResult('390 hộ, chưa đạt').statedStatus?.status).toBe('không đạt');
    });

    test('the summary count', () => {
        expect(summary(['vượt', 'đạt', 'không đạt', undefined]).text).toBe('2/4 chỉ tiêu đạt và vượt');
    });
});
