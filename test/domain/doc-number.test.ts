import { describe, expect, test } from 'vitest';
import { parseDocNumber, parseNumberLine } from '../../src/domain/doc-number.js';

describe('số và ký hiệu', () => {
    test('state form n/CODE-ISSUER', () => {
        expect(parseDocNumber('12/CT-UBND')).toMatchObject({
            form: 'state',
            number: 12,
            typeCode: 'CT',
            issuerCode: 'UBND'
        });
        expect(parseDocNumber('19/CT-TTg')).toMatchObject({ typeCode: 'CT', issuerCode: 'TTg' });
        expect(parseDocNumber('16/KH-HĐTĐKT')).toMatchObject({ typeCode: 'KH', issuerCode: 'HĐTĐKT' });
    });

    test('normative documents carry the year', () => {
        expect(parseDocNumber('98/2023/NĐ-CP')).toMatchObject({
            number: 98,
            year: 2023,
            typeCode: 'NĐ',
            issuerCode: 'CP'
        });
    });

    test('công văn has no type code', () => {
        expect(parseDocNumber('12/UBND-VX')).toMatchObject({
            form: 'state',
            number: 12,
            typeCode: undefined,
            issuerCode: 'UBND-VX'
        });
    });

    test('Party form n-CODE/ISSUER', () => {
        expect(parseDocNumber('34-CT/TW')).toMatchObject({
            form: 'party',
            number: 34,
            typeCode: 'CT',
            issuerCode: 'TW'
        });
        expect(parseDocNumber('01-KH/BCĐTW')).toMatchObject({
            form: 'party',
            number: 1,
            numberRaw: '01',
            typeCode: 'KH',
            issuerCode: 'BCĐTW'
        });
    });

    test('a blank number in a draft', () => {
        expect(parseDocNumber('/KH-UBND')).toMatchObject({ number: undefined, numberRaw: '', typeCode: 'KH' });
        expect(parseNumberLine('Số:     /KH-UBND')).toMatchObject({ number: undefined, typeCode: 'KH' });
        expect(parseNumberLine('Số:12/CT-UBND')).toMatchObject({ number: 12 });
        expect(parseNumberLine('Số 127-QĐ/TW')).toMatchObject({ form: 'party', number: 127, typeCode: 'QĐ' });
    });

    test('not a number', () => {
        expect(parseDocNumber('7/4/2014')).toBeUndefined();
    });
});
