import { describe, expect, test } from 'vitest';
import { namesIssuer, parseCitation } from '../../src/domain/citation.js';

describe('citations', () => {
    test('loại, số/ký hiệu, ngày, cơ quan', () => {
        const c = parseCitation('Chỉ thị số ', '34-CT/TW', ' ngày 7/4/2014 của Bộ Chính trị');
        expect(c).toMatchObject({
            kindText: 'Chỉ thị',
            kind: { code: 'CT' },
            docNumber: { number: 34 },
            date: { day: 7, month: 4, year: 2014 },
            issuer: 'Bộ Chính trị'
        });
    });

    test('with trích yếu, and without "số"', () => {
        const c = parseCitation(
            'Kế hoạch ',
            '104/KH-UBND',
            ' ngày 29/3/2023 của Ủy ban nhân dân thành phố về phát động phong trào thi đua'
        );
        expect(c).toMatchObject({
            kindText: 'Kế hoạch',
            issuer: 'Ủy ban nhân dân thành phố',
            subject: 'về phát động phong trào thi đua'
        });
    });

    test('a dotted date, as real pages write it', () => {
        expect(parseCitation('Chỉ thị số ', '03-CT/TW', ' ngày 14.5.2011').date).toMatchObject({
            day: 14,
            month: 5,
            year: 2011,
            separator: '.'
        });
    });

    test('a named document without a number', () => {
        const c = parseCitation('Nghị quyết Đại hội đại biểu toàn quốc lần thứ XIII của Đảng', undefined, undefined);
        expect(c).toMatchObject({
            kindText: 'Nghị quyết',
            name: 'Nghị quyết Đại hội đại biểu toàn quốc lần thứ XIII',
            issuer: 'Đảng'
        });
        expect(c.docNumber).toBeUndefined();
    });

    test('a short later mention', () => {
        expect(parseCitation(undefined, '34-CT/TW', undefined)).toMatchObject({
            kindText: '',
            docNumber: { number: 34 }
        });
    });

    test('bodies named by their whole name: Kiểm toán Nhà nước, Kho bạc Nhà nước, Ủy ban Kiểm tra', () => {
        for (const body of ['Kiểm toán Nhà nước', 'Kho bạc Nhà nước', 'Ủy ban Kiểm tra Tỉnh ủy'])
            expect(namesIssuer(`Theo kiến nghị của ${body} kèm văn bản`), body).toBe(true);
        expect(namesIssuer('Theo kiến nghị về kiểm toán kèm văn bản')).toBe(false);
    });
});
