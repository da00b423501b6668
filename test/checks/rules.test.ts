import { describe, expect, test } from 'vitest';
import { KE_HOACH, check, codeOf, edit, one, testRuleCases, ruleCases } from './check-helpers.js';

// The cases (a document that breaks a rule, the finding, its fix) are data: cases/rules.json.
const cases = ruleCases('rules');

describe('each rule: a document that breaks it, and its quick fix', () => {
    testRuleCases(cases);
});

describe('rules that must not fire', () => {
    test('a deputy signing for the collective: TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH (NĐ 30 Điều 13 khoản 2)', async () => {
        const c = await check(
            edit(KE_HOACH, 'TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH', 'TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH')
        );
        expect(c.diagnostics).toEqual([]);
        const wrong = await check(
            edit(KE_HOACH, 'TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH', 'TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nCHỦ TỊCH')
        );
        expect(one(wrong, 'chu-ky-tham-quyen').message).toMatch(/^Ký "KT\." \(ký thay\)/);
    });

    test('TM. for a collective the data does not list (Thường trực HĐND, Ban Chỉ đạo) is not a mistake; TM. for a sở is', async () => {
        for (const body of ['THƯỜNG TRỰC HỘI ĐỒNG NHÂN DÂN', 'BAN CHỈ ĐẠO', 'ĐẢNG ỦY']) {
            const c = await check(edit(KE_HOACH, 'TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH', `TM. ${body}\nTRƯỞNG BAN`));
            expect(
                c.diagnostics.filter(d => codeOf(d) === 'chu-ky-tham-quyen'),
                body
            ).toEqual([]);
        }
        for (const body of ['SỞ NỘI VỤ', 'PHÒNG NỘI VỤ', 'VĂN PHÒNG']) {
            const c = await check(edit(KE_HOACH, 'TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH', `TM. ${body}\nGIÁM ĐỐC`));
            expect(one(c, 'chu-ky-tham-quyen').message, body).toContain('không phải tập thể lãnh đạo');
        }
    });

    test('a short later mention after a full first mention', async () => {
        const c = await check(KE_HOACH);
        expect(KE_HOACH).toContain('[Chỉ thị số 34-CT/TW];');
        expect(c.diagnostics.filter(d => codeOf(d) === 'trich-dan-lan-dau')).toEqual([]);
    });

    test('a district chairman proposing a Bằng khen to the province', async () => {
        const c = await check(
            edit(KE_HOACH, 'Chủ tịch UBND huyện tặng Giấy khen', 'Chủ tịch UBND huyện tặng Giấy khen')
        );
        expect(KE_HOACH).toContain('đề nghị Chủ tịch UBND tỉnh tặng Bằng khen');
        expect(c.diagnostics).toEqual([]);
    });

    test('under the 2022 law (from 2024) the article is Điều 80', async () => {
        const text = edit(
            edit(
                edit(KE_HOACH, 'ngày 05 tháng 01 năm 2023', 'ngày 05 tháng 01 năm 2024'),
                'huyện tặng Giấy khen',
                'huyện tặng Bằng khen'
            ),
            'năm 2023}',
            'năm 2024}'
        );
        const d = (await check(text)).diagnostics.find(x => codeOf(x) === 'khen-thuong-tham-quyen')!;
        expect(d.message).toContain('Luật Thi đua, khen thưởng 06/2022/QH15, Điều 80 khoản 2');
    });

    test('money in tỷ đồng with three decimals is not ambiguous', async () => {
        const c = await check(edit(KE_HOACH, '22.400 triệu đồng', '684,510 tỷ đồng'));
        expect(c.diagnostics.filter(d => codeOf(d) === 'so-mo-ho')).toEqual([]);
    });

    test('reduplicated single words ("dần dần") are not repetitions', async () => {
        const c = await check(edit(KE_HOACH, 'tránh hình thức.', 'tránh hình thức, từng bước nâng lên dần dần.'));
        expect(c.diagnostics).toEqual([]);
    });
});
