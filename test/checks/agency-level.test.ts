import { describe, expect, test } from 'vitest';
import { CHI_THI, KE_HOACH, check, codeOf, edit, one, testRuleCases, ruleCases } from './check-helpers.js';

// co-quan-thieu-cap: an Ủy ban nhân dân or Hội đồng nhân dân named without its level ("ỦY BAN NHÂN DÂN LAI CHÂU").
const CODE = 'co-quan-thieu-cap';
const K = KE_HOACH;
const C = CHI_THI;
const PROVINCE = 'ỦY BAN NHÂN DÂN TỈNH LAI CHÂU';
const DISTRICT = 'ỦY BAN NHÂN DÂN HUYỆN TAM ĐƯỜNG';
const SIGN = 'TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH';
/** The plan dated after the district level ended (01/7/2025). */
const LATE = edit(edit(K, 'ngày 05 tháng 01 năm 2023', 'ngày 05 tháng 8 năm 2025'), `${DISTRICT}\n`, '');
const titles = (d: { data?: unknown }) => (d.data as { fixes: { title: string }[] }).fixes.map(f => f.title);

const cases = ruleCases('agency-level');

describe('co-quan-thieu-cap: the level word before the place', () => {
    testRuleCases(cases);

    test('one quick fix per level of the document date, each inserting its word', async () => {
        const checked = await check(edit(K, PROVINCE, 'ỦY BAN NHÂN DÂN LAI CHÂU'));
        const d = one(checked, CODE);
        expect(titles(d)).toEqual(
            ['TỈNH', 'THÀNH PHỐ', 'HUYỆN', 'QUẬN', 'THỊ XÃ', 'XÃ', 'PHƯỜNG', 'THỊ TRẤN'].map(
                w => `Viết "ỦY BAN NHÂN DÂN ${w} LAI CHÂU"`
            )
        );
        expect((await checked.fix(d, 5))['doc.thidua']).toBe(edit(K, PROVINCE, 'ỦY BAN NHÂN DÂN XÃ LAI CHÂU'));
        const late = await check(edit(LATE, PROVINCE, 'ỦY BAN NHÂN DÂN LAI CHÂU'));
        const lateFinding = one(late, CODE);
        expect(titles(lateFinding).map(t => /DÂN (.*) LAI/.exec(t)![1])).toEqual([
            'TỈNH',
            'THÀNH PHỐ',
            'XÃ',
            'PHƯỜNG',
            'ĐẶC KHU'
        ]);
        expect((await late.fix(lateFinding, 4))['doc.thidua']).toBe(
            edit(LATE, PROVINCE, 'ỦY BAN NHÂN DÂN ĐẶC KHU LAI CHÂU')
        );
    });

    test('the level the document writes before the place comes first', async () => {
        const text = edit(
            edit(edit(K, `${PROVINCE}\n`, ''), DISTRICT, 'ỦY BAN NHÂN DÂN TAM ĐƯỜNG'),
            'Nơi nhận:',
            'Các xã, thị trấn của huyện Tam Đường thực hiện.\n\nNơi nhận:'
        );
        expect(one(await check(text), CODE).message).toMatch(/viết "ỦY BAN NHÂN DÂN HUYỆN TAM ĐƯỜNG" \(hoặc TỈNH,/);
    });

    test('silent on names with their level, a parent line alone, abbreviations and other bodies', async () => {
        const silent = [
            K,
            C,
            edit(K, DISTRICT, 'ỦY BAN NHÂN DÂN\nHUYỆN TAM ĐƯỜNG'),
            edit(K, PROVINCE, 'UBND TỈNH LAI CHÂU'),
            edit(K, PROVINCE, 'UBND TP. LAI CHÂU'),
            edit(K, PROVINCE, 'ỦY BAN NHÂN DÂN'),
            edit(K, PROVINCE, 'UỶ BAN NHÂN DÂN TỈNH LAI CHÂU'),
            edit(K, PROVINCE, 'HỘI ĐỒNG NHÂN DÂN KHÓA XV'),
            edit(K, DISTRICT, `${PROVINCE}\nSỞ NỘI VỤ`),
            edit(K, DISTRICT, 'ỦY BAN NHÂN DÂN\nPHÒNG NỘI VỤ'),
            edit(K, PROVINCE, 'VĂN PHÒNG HĐND VÀ UBND HUYỆN TAM ĐƯỜNG'),
            edit(K, SIGN, 'TM. ỦY BAN NHÂN DÂN HUYỆN TAM ĐƯỜNG\nCHỦ TỊCH'),
            edit(K, SIGN, 'TM. ỦY BAN NHÂN\nDÂN\nCHỦ TỊCH'),
            edit(K, SIGN, 'TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH')
        ];
        for (const text of silent) {
            expect((await check(text)).diagnostics.map(codeOf), text.slice(0, 120)).not.toContain(CODE);
        }
    });
});
