import { describe, expect, test } from 'vitest';
import { CHI_THI, KE_HOACH, check, codeOf, edit, one, testRuleCases, type RuleCase } from './check-helpers.js';

// co-quan-thieu-cap: an Ủy ban nhân dân or Hội đồng nhân dân named without its level ("ỦY BAN NHÂN DÂN LAI CHÂU").
const CODE = 'co-quan-thieu-cap';
const WARNING = 2;
const K = KE_HOACH;
const C = CHI_THI;
const PROVINCE = 'ỦY BAN NHÂN DÂN TỈNH LAI CHÂU';
const DISTRICT = 'ỦY BAN NHÂN DÂN HUYỆN TAM ĐƯỜNG';
const SIGN = 'TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH';
const MESSAGE = new RegExp(
    '^Tên cơ quan thiếu cấp hành chính: viết "ỦY BAN NHÂN DÂN TỈNH LAI CHÂU" ' +
        '\\(hoặc THÀNH PHỐ, HUYỆN, QUẬN …\\) thay vì "ỦY BAN NHÂN DÂN LAI CHÂU"\\. ' +
        '\\(NĐ 30, Phụ lục I, mục II\\.2; Luật Tổ chức chính quyền địa phương, Điều 2\\)$'
);
/** The plan dated after the district level ended (01/7/2025). */
const LATE = edit(edit(K, 'ngày 05 tháng 01 năm 2023', 'ngày 05 tháng 8 năm 2025'), `${DISTRICT}\n`, '');
const titles = (d: { data?: unknown }) => (d.data as { fixes: { title: string }[] }).fixes.map(f => f.title);

const cases: RuleCase[] = [
    {
        name: 'the issuer line of the header',
        code: CODE,
        severity: WARNING,
        text: edit(K, PROVINCE, 'ỦY BAN NHÂN DÂN LAI CHÂU'),
        covered: 'ỦY BAN NHÂN DÂN LAI CHÂU',
        message: MESSAGE,
        fixed: K
    },
    {
        name: 'the old spelling "UỶ"',
        code: CODE,
        severity: WARNING,
        text: edit(K, PROVINCE, 'UỶ BAN NHÂN DÂN LAI CHÂU'),
        covered: 'UỶ BAN NHÂN DÂN LAI CHÂU',
        message: /viết "UỶ BAN NHÂN DÂN TỈNH LAI CHÂU"/,
        fixed: edit(K, PROVINCE, 'UỶ BAN NHÂN DÂN TỈNH LAI CHÂU')
    },
    {
        name: 'a bold name ("**ỦY BAN NHÂN DÂN** LAI CHÂU")',
        code: CODE,
        severity: WARNING,
        text: edit(K, PROVINCE, '**ỦY BAN NHÂN DÂN** LAI CHÂU'),
        covered: 'ỦY BAN NHÂN DÂN** LAI CHÂU',
        message: MESSAGE,
        fixed: edit(K, PROVINCE, '**ỦY BAN NHÂN DÂN** TỈNH LAI CHÂU')
    },
    {
        // Under "ỦY BAN NHÂN DÂN TỈNH LAI CHÂU" the issuer is of a lower level: huyện, quận, thị xã first.
        name: 'the issuer wrapped over two lines, under the province',
        code: CODE,
        severity: WARNING,
        text: edit(K, DISTRICT, 'ỦY BAN NHÂN DÂN\nTAM ĐƯỜNG'),
        covered: 'ỦY BAN NHÂN DÂN\nTAM ĐƯỜNG',
        message: new RegExp(
            '^Tên cơ quan thiếu cấp hành chính: viết "ỦY BAN NHÂN DÂN HUYỆN TAM ĐƯỜNG" ' +
                '\\(hoặc QUẬN, THỊ XÃ, THÀNH PHỐ …\\) thay vì "ỦY BAN NHÂN DÂN TAM ĐƯỜNG"\\.'
        ),
        fixed: edit(K, DISTRICT, 'ỦY BAN NHÂN DÂN\nHUYỆN TAM ĐƯỜNG')
    },
    {
        name: 'a Hội đồng nhân dân',
        code: CODE,
        severity: WARNING,
        text: edit(K, PROVINCE, 'HỘI ĐỒNG NHÂN DÂN LAI CHÂU'),
        covered: 'HỘI ĐỒNG NHÂN DÂN LAI CHÂU',
        message: /viết "HỘI ĐỒNG NHÂN DÂN TỈNH LAI CHÂU"/,
        fixed: edit(K, PROVINCE, 'HỘI ĐỒNG NHÂN DÂN TỈNH LAI CHÂU')
    },
    {
        // The header names the issuer "ỦY BAN NHÂN DÂN HUYỆN TAM ĐƯỜNG": that level comes first.
        name: 'the authority line of the signature',
        code: CODE,
        severity: WARNING,
        text: edit(K, SIGN, 'TM. ỦY BAN NHÂN DÂN TAM ĐƯỜNG\nCHỦ TỊCH'),
        covered: 'ỦY BAN NHÂN DÂN TAM ĐƯỜNG',
        message: /^Tên cơ quan thiếu cấp hành chính: viết "ỦY BAN NHÂN DÂN HUYỆN TAM ĐƯỜNG" \(hoặc TỈNH, THÀNH PHỐ,/,
        fixed: edit(K, SIGN, 'TM. ỦY BAN NHÂN DÂN HUYỆN TAM ĐƯỜNG\nCHỦ TỊCH')
    },
    {
        name: 'the authority line wrapped ("TM. ỦY BAN NHÂN" / "DÂN TAM ĐƯỜNG")',
        code: CODE,
        severity: WARNING,
        text: edit(K, SIGN, 'TM. ỦY BAN NHÂN\nDÂN TAM ĐƯỜNG\nCHỦ TỊCH'),
        covered: 'ỦY BAN NHÂN\nDÂN TAM ĐƯỜNG',
        message: /viết "ỦY BAN NHÂN DÂN HUYỆN TAM ĐƯỜNG"/,
        fixed: edit(K, SIGN, 'TM. ỦY BAN NHÂN\nDÂN HUYỆN TAM ĐƯỜNG\nCHỦ TỊCH')
    },
    {
        name: 'the place on the line under the authority',
        code: CODE,
        severity: WARNING,
        text: edit(C, '\nCHỦ TỊCH\n', '\nTM. ỦY BAN NHÂN DÂN\nHƯƠNG TRÀ\nCHỦ TỊCH\n'),
        covered: 'ỦY BAN NHÂN DÂN\nHƯƠNG TRÀ',
        message: /viết "ỦY BAN NHÂN DÂN THỊ XÃ HƯƠNG TRÀ"/,
        fixed: edit(C, '\nCHỦ TỊCH\n', '\nTM. ỦY BAN NHÂN DÂN\nTHỊ XÃ HƯƠNG TRÀ\nCHỦ TỊCH\n')
    },
    {
        // From 01/7/2025 the levels are tỉnh, thành phố; xã, phường, đặc khu.
        name: 'a document of the two-level government',
        code: CODE,
        severity: WARNING,
        text: edit(LATE, PROVINCE, 'ỦY BAN NHÂN DÂN LAI CHÂU'),
        covered: 'ỦY BAN NHÂN DÂN LAI CHÂU',
        message: /viết "ỦY BAN NHÂN DÂN TỈNH LAI CHÂU" \(hoặc THÀNH PHỐ, XÃ, PHƯỜNG …\)/,
        fixed: LATE
    }
];

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
