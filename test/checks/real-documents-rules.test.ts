import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { KE_HOACH, REGISTRY, check, codeOf, edit, one } from './check-helpers.js';
import { sameIssuer } from '../../src/domain/citation.js';
import { parseValue } from '../../src/domain/values.js';
import rulesData from '../../src/domain/data/rules.json' with { type: 'json' };

// Each family of false alarms measured on real documents, held by the general rule that fixes it, and the real
// mistake next to it still found.
const codes = async (text: string, files?: Record<string, string>) =>
    (await check(text, files)).diagnostics.map(codeOf);
const LINE = '2. Thực hiện tốt [Kế hoạch số 1279/KH-UBND ngày 17/9/2021 của UBND huyện] về phát động thi đua hằng năm.';
const withLine = (line: string) => edit(KE_HOACH, LINE, line);

describe('citations', () => {
    test('without any registry in the folder a citation is not called unregistered; with one it is', async () => {
        const text = withLine('2. Thực hiện [Kế hoạch số 77/KH-UBND ngày 17/9/2021 của UBND huyện] về thi đua.');
        expect(await codes(text, {})).not.toContain('trich-dan-chua-dang-ky');
        expect(await codes(text)).toContain('trich-dan-chua-dang-ky');
    });

    test('an issuer named in the citing sentence, before or after, completes the first mention', async () => {
        const before = withLine(
            '2. Ủy ban nhân dân huyện ban hành [Công văn số 77/UBND-VX ngày 17/9/2021] về thi đua.'
        );
        expect(await codes(before, {})).not.toContain('trich-dan-lan-dau');
        const after = withLine(
            '2. Thực hiện [Nghị quyết số 24/NQ-HĐND ngày 10/7/2022] và 25/NQ-HĐND của Hội đồng nhân dân huyện.'
        );
        expect(await codes(after, {})).not.toContain('trich-dan-lan-dau');
        // "Ban hành" begins with "Ban" but names no body: the issuer is still missing.
        const none = withLine('2. Ban hành [Công văn số 77/SNV-VX ngày 17/9/2021] về thi đua.');
        expect(one(await check(none, {}), 'trich-dan-lan-dau').message).toMatch(/còn thiếu cơ quan ban hành/);
    });

    test('a document of the same issuer (its code in the number) needs no "của …"', async () => {
        const text = withLine('2. Thực hiện [Kế hoạch số 12/KH-UBND ngày 17/9/2021] về thi đua.');
        expect(await codes(text, {})).not.toContain('trich-dan-lan-dau');
        const unit = withLine('2. Thực hiện [Công văn số 89/UBND-VX ngày 17/9/2021] về thi đua.');
        expect(await codes(unit, {})).not.toContain('trich-dan-lan-dau');
        const other = withLine('2. Thực hiện [Kế hoạch số 12/KH-SNV ngày 17/9/2021] về thi đua.');
        expect(await codes(other, {})).toContain('trich-dan-lan-dau');
    });

    test('a header dated before several cited documents is one finding on the date, listing them', async () => {
        const text = edit(
            edit(
                withLine(
                    '2. Thực hiện [Kế hoạch số 7/KH-UBND ngày 17/9/2023 của UBND huyện] và ' +
                        '[Kế hoạch số 8/KH-UBND ngày 20/9/2023 của UBND huyện].'
                ),
                'ngày 05 tháng 01 năm 2023',
                'ngày 05 tháng 01 năm 2023'
            ),
            'Căn cứ [Chỉ thị số 34-CT/TW ngày 07/4/2014',
            'Căn cứ [Chỉ thị số 34-CT/TW ngày 07/4/2014'
        );
        const checked = await check(text, {});
        const d = one(checked, 'trich-dan-sau-ngay');
        expect(checked.covered(d)).toBe('Tam Đường, ngày 05 tháng 01 năm 2023');
        expect(d.message).toMatch(
            /^Ngày ban hành \(05 tháng 01 năm 2023\) sớm hơn ngày của 2 văn bản được trích dẫn \(muộn nhất 20\/9\/2023\)/
        );
        expect(d.relatedInformation?.map(r => r.message)).toEqual(['Văn bản ngày 17/9/2023', 'Văn bản ngày 20/9/2023']);
        // One such citation: the finding stays on it.
        const single = await check(withLine('2. Thực hiện [Kế hoạch số 7/KH-UBND ngày 17/9/2023 của UBND huyện].'), {});
        expect(single.covered(one(single, 'trich-dan-sau-ngay'))).toContain('17/9/2023');
    });

    test('issuers compared as drafters write them: a head for its body, initials for words', () => {
        expect(sameIssuer('Bộ trưởng Bộ Y tế', 'Bộ Y tế')).toBe(true);
        expect(sameIssuer('Bộ GDĐT', 'Bộ Giáo dục và Đào tạo')).toBe(true);
        expect(sameIssuer('Bộ Y tế', 'Bộ Tài chính')).toBe(false);
        expect(sameIssuer('Sở TNMT', 'Bộ Tài nguyên và Môi trường')).toBe(false);
        expect(sameIssuer('UBND tỉnh Bắc Ninh', 'UBND tỉnh Bắc Giang')).toBe(false);
    });

    test('two issuers\' "146/KH-UBND" of different dates are two documents; one date with two issuers is a mistake', async () => {
        const other = (issuer: string, date: string) => ({
            'khac.thidua': withLine(`2. Thực hiện [Kế hoạch số 146/KH-UBND ngày ${date} của ${issuer}] về thi đua.`)
        });
        const mine = withLine(
            '2. Thực hiện [Kế hoạch số 146/KH-UBND ngày 01/6/2020 của UBND tỉnh Tiền Giang] về thi đua.'
        );
        expect(await codes(mine, other('UBND tỉnh Đắk Lắk', '12/3/2021'))).not.toContain('trich-dan-mau-thuan');
        expect(await codes(mine, other('UBND tỉnh Đắk Lắk', '01/6/2020'))).toContain('trich-dan-mau-thuan');
        expect(await codes(mine, other('UBND tỉnh Tiền Giang', '02/6/2020'))).toContain('trich-dan-mau-thuan');
    });

    test('numbers start again each year: 76/NQ-CP of 2013 and of 2021 are two documents, two dates of 2021 a mistake', async () => {
        const cite = (date: string) =>
            withLine(`2. Thực hiện [Nghị quyết số 76/NQ-CP ngày ${date} của Chính phủ] về cải cách hành chính.`);
        const other = (date: string) => ({ 'khac.thidua': cite(date) });
        expect(await codes(cite('15/7/2021'), other('13/6/2013'))).not.toContain('trich-dan-mau-thuan');
        expect(await codes(cite('15/7/2021'), other('16/7/2021'))).toContain('trich-dan-mau-thuan');
        // A registry holding the 2013 resolution does not hold the 2021 one: not registered, rather than misdated.
        const registry = `${REGISTRY}- [Nghị quyết số 76/NQ-CP ngày 13/6/2013 của Chính phủ] về thi đua\n`;
        const found = await check(cite('15/7/2021'), { 'so-van-ban.thidua': registry });
        expect(found.diagnostics.map(codeOf)).not.toContain('trich-dan-khac-so-van-ban');
        expect(one(found, 'trich-dan-chua-dang-ky').message).toMatch(/cùng số của năm 2013/);
        const misdated = await codes(cite('14/6/2013'), { 'so-van-ban.thidua': registry });
        expect(misdated).toContain('trich-dan-khac-so-van-ban');
    });

    test('the registry entry of the cited issuer is the one linked', async () => {
        const registry =
            `${REGISTRY}- [Kế hoạch số 146/KH-UBND ngày 12/3/2021 của UBND tỉnh Đắk Lắk] về thi đua\n` +
            '- [Kế hoạch số 146/KH-UBND ngày 01/6/2020 của UBND tỉnh Tiền Giang] về bảo vệ môi trường\n';
        const text = withLine(
            '2. Thực hiện [Kế hoạch số 146/KH-UBND ngày 01/6/2020 của UBND tỉnh Tiền Giang] về thi đua.'
        );
        expect(await codes(text, { 'so-van-ban.thidua': registry })).not.toContain('trich-dan-khac-so-van-ban');
    });
});

describe('what the sentence around a citation gives it, drafts, the campaign year', () => {
    test('a date opening the sentence ("Ngày …, … ban hành [ … ]") dates the citation it issues', async () => {
        const dated = withLine(
            '2. Ngày 03/7/2025, Hội đồng nhân dân huyện ban hành [Nghị quyết số 03/NQ-HĐND] về thi đua.'
        );
        expect(await codes(dated, {})).not.toContain('trich-dan-lan-dau');
        const undated = withLine('2. Hội đồng nhân dân huyện ban hành [Nghị quyết số 03/NQ-HĐND] về thi đua.');
        expect(one(await check(undated, {}), 'trich-dan-lan-dau').message).toMatch(/còn thiếu ngày ban hành\./);
    });

    test('citations listed after ";" take the body their clause names; a clause of its own does not', async () => {
        const head = '2. Giám đốc Sở Tài chính đã quyết định tại [Quyết định số 304/QĐ-STC ngày 04/10/2025]; ';
        const list = withLine(
            head + '[Quyết định số 305/QĐ-STC ngày 04/10/2025] và [Quyết định số 306/QĐ-STC ngày 05/10/2025].'
        );
        expect(await codes(list, {})).not.toContain('trich-dan-lan-dau');
        const apart = withLine(head + 'các xã thực hiện [Quyết định số 305/QĐ-STC ngày 04/10/2025].');
        expect(one(await check(apart, {}), 'trich-dan-lan-dau').message).toMatch(/305\/QĐ-STC.*thiếu cơ quan ban hành/);
    });

    test('a document not numbered yet (a draft and its annex) is not asked for its date, nor for the registry', async () => {
        const draft = withLine('2. Kèm theo [Báo cáo số /BC-UBND] ngày /01/2026 của UBND huyện.');
        expect(await codes(draft)).not.toContain('trich-dan-lan-dau');
        expect(await codes(draft)).not.toContain('trich-dan-chua-dang-ky');
        const numbered = await codes(withLine('2. Kèm theo [Báo cáo số 7/BC-UBND] ngày /01/2026 của UBND huyện.'));
        expect(numbered).toContain('trich-dan-lan-dau');
        expect(numbered).toContain('trich-dan-chua-dang-ky');
    });

    test('a span in the text of a document that launches no campaign (a công điện) is not a campaign period', async () => {
        const text = (title: string) =>
            `${title}\nVề việc chuẩn bị lễ khánh thành\n\n1. Các bộ tổ chức các hoạt động {từ ngày 01/01/2025 đến ngày ` +
            '30/6/2025}.\n2. Các bộ gửi báo cáo {chậm nhất ngày 10/12/2025}.\n';
        expect(await codes(text('CÔNG ĐIỆN'), {})).not.toContain('thoi-gian-ngoai-ky');
        expect(await codes(text('KẾ HOẠCH'), {})).toContain('thoi-gian-ngoai-ky');
    });

    test("a form's place and date left in dots are the header's blank date (a draft), not prose", async () => {
        const text = edit(KE_HOACH, 'Tam Đường, ngày 05 tháng 01 năm 2023', '..........ngày.......tháng......năm 2023');
        const checked = await check(text, {});
        expect(checked.diagnostics.map(codeOf)).not.toContain('parsing-error');
        expect(one(checked, 'ngay-ban-hanh-trong').message).toMatch(/còn để trống/);
    });

    test('a horizon in the text ("đến năm 2030") is not the campaign: the year the subject names is', async () => {
        const text = edit(
            withLine('2. Thực hiện Chiến lược phát triển văn hóa {đến năm 2030}.'),
            '{Từ ngày ký ban hành đến hết ngày 31 tháng 12 năm 2023}',
            'Từ ngày ký ban hành đến hết năm'
        );
        expect(await codes(text, {})).not.toContain('nam-khong-khop');
        expect(await codes(edit(text, 'với chủ đề năm 2023', 'với chủ đề năm 2022'), {})).toContain('nam-khong-khop');
    });
});

describe('deadlines, numbering, scores, repeats, parts', () => {
    test("a deadline quoted from a cited document, or told in a report, is not the campaign's", async () => {
        const quoted = withLine(
            '2. [Công văn số 3441/UBND-VX ngày 05/9/2021 của UBND tỉnh] yêu cầu gửi {trước ngày 30/9/2021}.'
        );
        expect(await codes(quoted, {})).not.toContain('thoi-gian-ngoai-ky');
        const own = withLine('2. Các xã gửi báo cáo {trước ngày 30/9/2021}.');
        expect(await codes(own, {})).toContain('thoi-gian-ngoai-ky');
    });

    test('numbering runs through the list, whether or not the lines before hold a target', async () => {
        const text = edit(
            KE_HOACH,
            '2) {Tỷ lệ hộ nghèo giảm: 2,5%}.',
            '2) Tổ chức tốt các phong trào.\n3) {Tỷ lệ hộ nghèo giảm: 2,5%}.'
        )
            .replace('3) {Duy trì', '4) {Duy trì')
            .replace('4) {Xây dựng', '5) {Xây dựng')
            .replace('5) {Tổng thu', '6) {Tổng thu')
            .replace('6) {Giải quyết', '7) {Giải quyết');
        expect(await codes(text)).not.toContain('chi-tieu-danh-so');
        const skipped = KE_HOACH.replace('6) {Giải quyết', '7) {Giải quyết')
            .replace('5) {Tổng thu', '6) {Tổng thu')
            .replace('4) {Xây dựng', '5) {Xây dựng')
            .replace('3) {Duy trì', '4) {Duy trì');
        expect(one(await check(skipped), 'chi-tieu-danh-so').message).toMatch(/nhảy từ 2 lên 4/);
    });

    test('a score with bonus points is not a fraction; a count over its total is', async () => {
        expect(await codes(withLine('2. Tự chấm {124,4/100 điểm}.'))).not.toContain('chi-tieu-phan-so');
        expect(await codes(withLine('2. Đạt {14/13 xã}.'))).toContain('chi-tieu-phan-so');
    });

    test('a function word after the compound it ends is not a repeat; a typed twice word is', async () => {
        expect(await codes(withLine('2. Bầu trưởng khối năm tiếp theo theo quy định.'))).not.toContain('lap-tu');
        expect(await codes(withLine('2. Các cá nhân có có liên quan.'))).toContain('lap-tu');
    });

    test("a Chỉ thị about something else (đón Tết) is not asked for a campaign's parts; one that launches one is", async () => {
        const directive = (subject: string) =>
            `CHỈ THỊ\n${subject}\n\n1. Các đơn vị tổ chức chu đáo.\n\nNơi nhận:\n- Lưu: VT.\n\nBỘ TRƯỞNG\nNguyễn Văn A\n`;
        expect(await codes(directive('Về việc tổ chức đón Tết Nguyên đán'), {})).not.toContain('thieu-phan');
        expect(await codes(directive('Về phát động phong trào thi đua năm 2025'), {})).toContain('thieu-phan');
    });

    test('a part written under another title is found ("Thời gian và trách nhiệm thực hiện")', async () => {
        const text = edit(KE_HOACH, 'VI. TỔ CHỨC THỰC HIỆN', 'VI. TRÁCH NHIỆM THỰC HIỆN');
        expect(await codes(text)).not.toContain('thieu-phan');
        expect(await codes(edit(KE_HOACH, 'VI. TỔ CHỨC THỰC HIỆN', 'VI. CÁC VIỆC KHÁC'))).toContain('thieu-phan');
    });

    test('values read as time: "đến năm 2030", "quý I", "nhiệm kỳ 2026 - 2031"; a closing colon keeps the figure', () => {
        expect(parseValue('đến năm 2030')).toMatchObject({ type: 'period', end: { kind: 'year', year: 2030 } });
        expect(parseValue('quý I năm 2026').type).toBe('period');
        expect(parseValue('nhiệm kỳ 2026 - 2031')).toMatchObject({
            type: 'period',
            start: { year: 2026 },
            end: { year: 2031 }
        });
        expect(parseValue('100% số hồ sơ được cập nhật tại địa chỉ:')).toMatchObject({ parts: [{ unit: '%' }] });
        expect(parseValue('không quá 15/02 hàng năm').type).toBe('deadline');
        expect(parseValue('vào ngày thứ Bảy hoặc Chủ nhật hàng tuần').type).toBe('cadence');
    });

    test('annexes numbered 01, 02, 03 throughout are one finding, with one fix for all', async () => {
        const plan = readFileSync(
            join(import.meta.dirname, '..', 'fixtures', 'correct', 'ke-hoach-phu-luc-chuan.thidua'),
            'utf8'
        );
        const annex = (n: string) =>
            `\nPhụ lục ${n}\nDANH SÁCH ${n}\n(Kèm theo Kế hoạch số 45/KH-UBND ngày 10/3/2025 của Ủy ban nhân dân huyện Nam Sơn)\n\nCác xã.\n`;
        const text = edit(plan, 'PHỤ LỤC\nBẢNG', 'Phụ lục 01\nBẢNG') + annex('02') + annex('03');
        const checked = await check(text);
        const d = one(checked, 'phu-luc-so');
        expect(d.message).toMatch(
            /phụ lục thứ 1 phải đánh số La Mã "I" \(đang ghi "Phụ lục 01"\); cũng vậy: "Phụ lục 02", "Phụ lục 03"/
        );
        expect(d.relatedInformation).toHaveLength(2);
        const fixed = (await checked.fix(d))['doc.thidua'];
        expect(fixed).toContain('Phụ lục I\nBẢNG');
        expect(fixed).toContain('Phụ lục II\nDANH SÁCH 02');
        expect(fixed).toContain('Phụ lục III\nDANH SÁCH 03');
    });

    test('every rule says what it may misread, and no message source names a file', () => {
        for (const [code, rule] of Object.entries(
            rulesData.rules as Record<string, { source: string; risk?: string }>
        )) {
            expect(rule.risk, code).toMatch(/\p{L}{3}/u);
            expect(rule.source, code).not.toMatch(/src\/|\.json|\.ts\b/);
        }
    });
});
