import { describe, expect, test } from 'vitest';
import {
    CHI_THI,
    KE_HOACH,
    REGISTRY,
    check,
    codeOf,
    edit,
    one,
    testRuleCases,
    type RuleCase
} from './check-helpers.js';

const ERROR = 1,
    WARNING = 2,
    INFO = 3,
    HINT = 4;

const K = KE_HOACH;
const cases: RuleCase[] = [
    // 1. Số và ký hiệu
    {
        name: 'malformed number',
        code: 'so-ky-hieu-dang-thuc',
        text: edit(K, 'Số: 05/KH-UBND', 'Số: 5-KH-UBND'),
        severity: ERROR,
        covered: 'Số: 5-KH-UBND',
        message: /^Số, ký hiệu "Số: 5-KH-UBND" chưa đúng dạng\. .*"Số: 12\/CT-UBND".*\(NĐ 30, Phụ lục I, mục II\.3\)$/
    },
    {
        name: 'type code not the kind',
        code: 'so-ky-hieu-loai',
        text: edit(K, 'Số: 05/KH-UBND', 'Số: 05/CT-UBND'),
        severity: ERROR,
        covered: 'CT',
        message: /^Văn bản là Kế hoạch nên ký hiệu loại phải là "KH", không phải "CT"\./,
        fixed: K
    },
    {
        name: 'number below 10 without 0',
        code: 'so-ky-hieu-so-0',
        text: edit(K, 'Số: 05/KH-UBND', 'Số: 5/KH-UBND'),
        severity: WARNING,
        covered: '5',
        message: /thêm số 0 phía trước: "05"/,
        fixed: K
    },
    {
        name: 'blank number in a draft',
        code: 'so-ky-hieu-trong',
        text: edit(K, 'Số: 05/KH-UBND', 'Số:     /KH-UBND'),
        severity: INFO,
        covered: 'Số:     /KH-UBND',
        message: /^Số văn bản còn để trống \(dự thảo\)/
    },
    {
        name: 'Party document in state form',
        code: 'so-ky-hieu-dang',
        text: edit(K, 'Căn cứ [Chỉ thị số 34-CT/TW ngày', 'Căn cứ [Chỉ thị số 34/CT-TW ngày'),
        severity: WARNING,
        covered: '34/CT-TW',
        message: /^Văn bản của Đảng \(TW\) ghi số và ký hiệu dạng "34-CT\/TW"/,
        fixed: K
    },
    // 2. Dates
    {
        name: 'no such date',
        code: 'ngay-khong-co-that',
        text: edit(K, 'ngày 05 tháng 01 năm 2023', 'ngày 31 tháng 02 năm 2023'),
        severity: ERROR,
        covered: 'ngày 31 tháng 02 năm 2023',
        message: /không có thật trên lịch/
    },
    {
        name: 'no such date in prose',
        code: 'ngay-khong-co-that',
        text: edit(K, 'Phong trào thi đua thiết thực', 'Từ ngày 30/02/2023, phong trào thi đua thiết thực'),
        severity: ERROR,
        covered: 'ngày 30/02/2023',
        message: /^Ngày "30\/02\/2023" không có thật/
    },
    {
        name: 'header date not in long form',
        code: 'ngay-ban-hanh-dang-thuc',
        text: edit(K, 'ngày 05 tháng 01 năm 2023', 'ngày 5 tháng 1 năm 2023'),
        severity: WARNING,
        covered: 'ngày 5 tháng 1 năm 2023',
        message: /"ngày 05 tháng 01 năm 2023"/,
        fixed: K
    },
    {
        name: 'header date written with slashes',
        code: 'ngay-ban-hanh-dang-thuc',
        text: edit(K, 'ngày 05 tháng 01 năm 2023', 'ngày 05/01/2023'),
        severity: WARNING,
        covered: 'ngày 05/01/2023',
        message: /"ngày 05 tháng 01 năm 2023"/,
        fixed: K
    },
    {
        name: 'blank header date in a draft',
        code: 'ngay-ban-hanh-trong',
        text: edit(K, 'ngày 05 tháng 01 năm 2023', 'ngày   tháng   năm 2023'),
        severity: INFO,
        covered: 'ngày   tháng   năm 2023',
        message: /^Ngày ban hành còn để trống/
    },
    {
        name: 'citation date in another notation',
        code: 'ngay-trich-dan-dang-thuc',
        text: edit(K, '34-CT/TW ngày 07/4/2014', '34-CT/TW ngày 7-4-2014'),
        severity: HINT,
        covered: 'ngày 7-4-2014',
        message: /"07\/4\/2014"/,
        fixed: K
    },
    // 3. Citations
    {
        name: 'cited document dated after this one',
        code: 'trich-dan-sau-ngay',
        text: edit(K, '1279/KH-UBND ngày 17/9/2021', '1279/KH-UBND ngày 17/9/2024'),
        severity: ERROR,
        covered: ' ngày 17/9/2024 của UBND huyện',
        message: /có ngày sau ngày ban hành của văn bản này/
    },
    {
        name: 'date disagrees with the registry',
        code: 'trich-dan-khac-so-van-ban',
        text: edit(K, '1279/KH-UBND ngày 17/9/2021', '1279/KH-UBND ngày 18/9/2021'),
        severity: WARNING,
        covered: '18/9/2021',
        message:
            /^Sổ văn bản ghi văn bản số 1279\/KH-UBND ban hành ngày 17\/9\/2021, trích dẫn ở đây ghi 18\/9\/2021\./,
        fixed: K
    },
    {
        name: 'issuer disagrees with the registry',
        code: 'trich-dan-khac-so-van-ban',
        text: edit(K, '17/9/2021 của UBND huyện]', '17/9/2021 của UBND tỉnh]'),
        severity: WARNING,
        covered: 'UBND tỉnh',
        message: /của UBND huyện, trích dẫn ở đây ghi của UBND tỉnh/,
        fixed: K
    },
    {
        name: 'the same document cited with another date elsewhere in the workspace',
        code: 'trich-dan-mau-thuan',
        text: K,
        files: {
            'so-van-ban.thidua': REGISTRY,
            'khac.thidua': 'Theo [Kế hoạch số 1279/KH-UBND ngày 19/9/2021 của UBND huyện].\n'
        },
        severity: ERROR,
        covered: ' ngày 17/9/2021 của UBND huyện',
        message:
            /được trích dẫn khác nhau: ở đây ngày 17\/9\/2021 của UBND huyện, ở khac\.thidua dòng 1 ngày 19\/9\/2021/
    },
    {
        name: 'unknown citation, added to the registry',
        code: 'trich-dan-chua-dang-ky',
        text: edit(
            K,
            'Phong trào thi đua thiết thực',
            'Theo [Chỉ thị số 19/CT-TTg ngày 16/7/2021 của Thủ tướng Chính phủ], phong trào thi đua thiết thực'
        ),
        severity: INFO,
        covered: '19/CT-TTg',
        message: /^Văn bản số 19\/CT-TTg chưa có trong sổ văn bản\./,
        fixFile: 'so-van-ban.thidua',
        fixed: REGISTRY + '- [Chỉ thị số 19/CT-TTg ngày 16/7/2021 của Thủ tướng Chính phủ]\n'
    },
    {
        name: 'first mention not full',
        code: 'trich-dan-lan-dau',
        text: edit(K, '[Chỉ thị số 34-CT/TW ngày 07/4/2014 của Bộ Chính trị]', '[Chỉ thị số 34-CT/TW]'),
        severity: WARNING,
        covered: '[Chỉ thị số 34-CT/TW]',
        message: /còn thiếu ngày ban hành và cơ quan ban hành/,
        fixed: K
    },
    // 4. Periods and time
    {
        name: 'typed period ending before it starts',
        code: 'thoi-gian-nguoc',
        text: edit(K, '{giai đoạn 2021 - 2025}', '{giai đoạn 2021 - 2015}'),
        severity: ERROR,
        covered: 'giai đoạn 2021 - 2015',
        message: /^Thời gian bắt đầu \(2021\) sau thời gian kết thúc \(2015\)/
    },
    {
        name: 'prose period ending before it starts',
        code: 'thoi-gian-nguoc',
        text: edit(K, '{giai đoạn 2021 - 2025}', 'giai đoạn 2021-2015'),
        severity: ERROR,
        covered: 'giai đoạn 2021-2015',
        message: /\(2021\) sau thời gian kết thúc \(2015\)/
    },
    {
        name: 'deadline after the campaign',
        code: 'thoi-gian-ngoai-ky',
        text: edit(K, '{trước ngày 15/12/2023}', '{trước ngày 15/12/2024}'),
        severity: WARNING,
        covered: 'trước ngày 15/12/2024',
        message: /^Hạn 15\/12\/2024 nằm sau khi kết thúc thời gian thi đua/
    },
    {
        name: 'deadline before issuance',
        code: 'thoi-gian-ngoai-ky',
        text: edit(K, '{trước ngày 15/12/2023}', '{trước ngày 15/12/2022}'),
        severity: WARNING,
        covered: 'trước ngày 15/12/2022',
        message: /trước ngày ban hành văn bản/
    },
    {
        name: 'anniversary that does not add up',
        code: 'ky-niem-so-nam',
        text: edit(K, 'kỷ niệm 75 năm', 'kỷ niệm 74 năm'),
        severity: WARNING,
        covered: 'kỷ niệm 74 năm ngày Chủ tịch Hồ Chí Minh ra Lời kêu gọi thi đua ái quốc (11/6/1948 - 11/6/2023)',
        message: /^Kỷ niệm 74 năm không khớp với mốc thời gian: từ 1948 đến 2023 là 75 năm\./
    },
    {
        name: 'anniversary counted in days',
        code: 'ky-niem-so-nam',
        text: edit(K, 'kỷ niệm 75 năm', 'kỷ niệm 75 ngày'),
        severity: WARNING,
        covered: 'kỷ niệm 75 ngày ngày Chủ tịch Hồ Chí Minh ra Lời kêu gọi thi đua ái quốc (11/6/1948 - 11/6/2023)',
        message: /Hãy viết "kỷ niệm 75 năm"/,
        fixed: K
    },
    // 5. Year consistency
    {
        name: 'a theme of another year',
        code: 'nam-khong-khop',
        text: edit(K, 'chủ đề năm 2023 “', 'chủ đề năm 2022 “'),
        severity: WARNING,
        covered: '2022',
        message: /^Văn bản thi đua năm 2023 nhưng ở đây ghi "chủ đề năm 2022"/,
        fixed: K
    },
    // 6. Indicators
    {
        name: 'a share above 100%',
        code: 'chi-tieu-qua-100',
        text: edit(K, 'giảm: 2,5%', 'giảm: 120%'),
        severity: ERROR,
        covered: '120',
        message: /không thể vượt quá 100% \(ở đây 120%\)/
    },
    {
        name: 'fraction numerator above denominator',
        code: 'chi-tieu-phan-so',
        text: edit(K, 'Duy trì 13/13', 'Duy trì 14/13'),
        severity: ERROR,
        covered: '14/13',
        message: /^Số đạt \(14\) lớn hơn tổng số \(13\)/
    },
    {
        name: 'range low above high',
        code: 'chi-tieu-khoang',
        text: edit(K, '2-3 trường', '3-2 trường'),
        severity: ERROR,
        covered: '3',
        message: /cận dưới \(3\) lớn hơn cận trên \(2\)/
    },
    {
        name: 'baseline arithmetic that does not agree',
        code: 'chi-tieu-so-sanh',
        text: edit(K, 'bằng 113,0%', 'bằng 118,0%'),
        severity: WARNING,
        covered: '118,0',
        message: /^316 tỷ đồng so với 279,6 tỷ đồng là bằng 113,0%, không phải 118,0%\./
    },
    {
        name: 'unknown unit with the closest known one',
        code: 'don-vi-la',
        text: edit(K, '3.250 người', '3.250 ngươi'),
        severity: WARNING,
        covered: 'ngươi',
        message: /^Đơn vị "ngươi" chưa có trong bảng đơn vị; có phải là "người"/,
        fixed: K
    },
    {
        name: 'duplicate indicator id',
        code: 'chi-tieu-trung-ma',
        text: edit(K, '2) {Tỷ lệ', '2) {#thu_ngan_sach Tỷ lệ'),
        severity: ERROR,
        covered: '#thu_ngan_sach',
        message: /^Mã chỉ tiêu "#thu_ngan_sach" đã dùng cho một chỉ tiêu khác \(dòng 22\)/
    },
    {
        name: 'broken numbering',
        code: 'chi-tieu-danh-so',
        text: edit(K, '6) {Giải', '7) {Giải'),
        severity: WARNING,
        covered: '7)',
        message: /^Số thứ tự chỉ tiêu nhảy từ 5 lên 7; chỉ tiêu này phải là số 6\./,
        fixed: K
    },
    {
        name: 'unknown unit in an indicator with an id',
        code: 'don-vi-la',
        text: edit(K, '22.400 triệu đồng}', '22.400 ngươi}'),
        severity: WARNING,
        covered: 'ngươi',
        message: /^Đơn vị "ngươi"/,
        fixed: edit(K, '22.400 triệu đồng}', '22.400 người}')
    },
    {
        name: 'ambiguous number of a count',
        code: 'so-mo-ho',
        text: edit(K, '3.250 người', '3,250 người'),
        severity: WARNING,
        covered: '3,250',
        message: /có phải là "3\.250"/,
        fixed: K
    },
    // 7. Award authority
    {
        name: 'a district chairman conferring a Bằng khen (law of 2003 before 2024)',
        code: 'khen-thuong-tham-quyen',
        text: edit(K, 'huyện tặng Giấy khen', 'huyện tặng Bằng khen'),
        severity: WARNING,
        covered:
            'Chủ tịch UBND huyện tặng Bằng khen cho tập thể, cá nhân có thành tích tiêu biểu; lựa chọn tập thể, cá nhân xuất sắc đề nghị Chủ tịch UBND tỉnh tặng Bằng khen.',
        message:
            /^Chủ tịch UBND huyện không có thẩm quyền tặng Bằng khen \(Luật Thi đua, khen thưởng 2003 \(sửa đổi 2005, 2013\), Điều 77 khoản 2/
    },
    // 8. Required parts
    {
        name: 'missing thời gian part, inserted before the next part with renumbering',
        code: 'thieu-phan',
        text: edit(
            edit(
                edit(
                    K,
                    'IV. THỜI GIAN THI ĐUA\n{Từ ngày ký ban hành đến hết ngày 31 tháng 12 năm 2023}, tập trung vào đợt cao điểm chào mừng {kỷ niệm 75 năm ngày Chủ tịch Hồ Chí Minh ra Lời kêu gọi thi đua ái quốc (11/6/1948 - 11/6/2023)}.\n\n',
                    ''
                ),
                'V. KHEN',
                'IV. KHEN'
            ),
            'VI. TỔ',
            'V. TỔ'
        ),
        severity: WARNING,
        covered: 'KẾ HOẠCH',
        message: /^Kế hoạch phát động thi đua cần có phần "Thời gian thi đua" nhưng văn bản chưa có\./,
        fixed: edit(
            edit(
                edit(
                    K,
                    'IV. THỜI GIAN THI ĐUA\n{Từ ngày ký ban hành đến hết ngày 31 tháng 12 năm 2023}, tập trung vào đợt cao điểm chào mừng {kỷ niệm 75 năm ngày Chủ tịch Hồ Chí Minh ra Lời kêu gọi thi đua ái quốc (11/6/1948 - 11/6/2023)}.\n\n',
                    'IV. THỜI GIAN THI ĐUA\n{Từ ngày ký ban hành đến hết ngày 31 tháng 12 năm 2023}.\n\n'
                ),
                'V. KHEN',
                'V. KHEN'
            ),
            'VI. TỔ',
            'VI. TỔ'
        )
    },
    // 9. Nơi nhận and signature
    {
        name: 'no Nơi nhận',
        code: 'noi-nhan-thieu',
        text: edit(K, 'Nơi nhận:\n- UBND tỉnh;\n- TT. Huyện ủy;\n- Lưu: VT, NV.\n\n', ''),
        severity: WARNING,
        covered: 'KẾ HOẠCH',
        message: /^Văn bản chưa có phần "Nơi nhận:"/,
        fixed: edit(
            K,
            'Nơi nhận:\n- UBND tỉnh;\n- TT. Huyện ủy;\n- Lưu: VT, NV.\n\n',
            'Nơi nhận:\n- Như trên;\n- Lưu: VT.\n\n'
        )
    },
    {
        name: 'Lưu without VT',
        code: 'noi-nhan-luu',
        text: edit(K, '- Lưu: VT, NV.', '- Lưu: NV.'),
        severity: WARNING,
        covered: '- Lưu: NV.',
        message: /^Dòng cuối của Nơi nhận phải là "- Lưu: VT, …"/,
        fixed: K
    },
    {
        name: 'a recipient line without its semicolon',
        code: 'noi-nhan-dau-cau',
        text: edit(K, '- UBND tỉnh;', '- UBND tỉnh'),
        severity: INFO,
        covered: '- UBND tỉnh',
        message: /kết thúc bằng dấu chấm phẩy/,
        fixed: K
    },
    {
        name: 'a UBND plan signed without TM.',
        code: 'chu-ky-tham-quyen',
        text: edit(K, 'TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH', 'CHỦ TỊCH'),
        severity: WARNING,
        covered: 'CHỦ TỊCH',
        message: /"TM\. ỦY BAN NHÂN DÂN" rồi "CHỦ TỊCH"/,
        fixed: K
    },
    {
        name: 'a Chủ tịch directive signed TM.',
        code: 'chu-ky-tham-quyen',
        text: edit(CHI_THI, '\nCHỦ TỊCH\n', '\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n'),
        severity: WARNING,
        covered: 'TM. ỦY BAN NHÂN DÂN',
        message: /^Chỉ thị do Chủ tịch ban hành thì Chủ tịch ký trực tiếp/,
        fixed: CHI_THI
    },
    {
        name: 'KT. signed by the head',
        code: 'chu-ky-tham-quyen',
        text: edit(K, 'TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH', 'KT. CHỦ TỊCH\nCHỦ TỊCH'),
        severity: WARNING,
        covered: 'CHỦ TỊCH',
        message: /^Ký "KT\." \(ký thay\) thì người ký là cấp phó/
    },
    {
        name: 'TM. with a deputy title',
        code: 'chu-ky-tham-quyen',
        text: edit(K, 'TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH', 'TM. ỦY BAN NHÂN DÂN\nPHÓ CHỦ TỊCH'),
        severity: WARNING,
        covered: 'PHÓ CHỦ TỊCH',
        message: /^Ký "TM\. ỦY BAN NHÂN DÂN" thì chức vụ người ký là "CHỦ TỊCH"/
    },
    // 10. Vietnamese text
    {
        name: 'decomposed (NFD) letters',
        code: 'van-ban-nfc',
        text: edit(K, 'Phòng Nội vụ chủ trì', 'Phòng Nội vụ chủ trì'.normalize('NFD')),
        severity: WARNING,
        covered: 'ò'.normalize('NFD'),
        message: /^Văn bản có chữ tiếng Việt gõ ở dạng tổ hợp/,
        fixed: K
    },
    {
        name: 'a common misspelling',
        code: 'sai-chinh-ta',
        text: edit(K, 'Phòng Nội vụ chủ trì', 'Phòng Nội vụ chỉ trì'),
        severity: WARNING,
        covered: 'chỉ trì',
        message: /^"chỉ trì" viết sai chính tả; viết đúng là "chủ trì"\./,
        fixed: K
    },
    {
        name: 'a misspelling keeps its capital',
        code: 'sai-chinh-ta',
        text: edit(K, 'Căn cứ [Chỉ thị số 34', 'Căn cứ [Chị thị số 34'),
        severity: WARNING,
        covered: 'Chị thị',
        message: /viết đúng là "Chỉ thị"/,
        fixed: K
    },
    {
        name: 'a word repeated',
        code: 'lap-tu',
        text: edit(K, 'đẩy mạnh phong trào', 'đẩy mạnh đẩy mạnh phong trào'),
        severity: WARNING,
        covered: ' đẩy mạnh',
        message: /^Từ "đẩy mạnh" bị lặp lại liền nhau/,
        fixed: K
    },
    {
        name: 'no space after a comma',
        code: 'thieu-dau-cach',
        text: edit(K, 'tổng hợp, báo cáo', 'tổng hợp,báo cáo'),
        severity: WARNING,
        covered: ',b',
        message: /^Thiếu dấu cách sau dấu ","/,
        fixed: K
    },
    {
        name: 'no space after "Số:"',
        code: 'thieu-dau-cach',
        text: edit(K, 'Số: 05/KH-UBND', 'Số:05/KH-UBND'),
        severity: WARNING,
        covered: 'Số:0',
        message: /^Thiếu dấu cách sau "Số:"/,
        fixed: K
    },
    {
        name: 'two syllables typed together',
        code: 'thieu-dau-cach',
        text: edit(K, 'Giải quyết việc làm', 'Giải quyết việclàm'),
        severity: WARNING,
        covered: 'việclàm',
        message: /^"việclàm" có hai tiếng viết liền nhau; có phải là "việc làm"\?/,
        fixed: K
    }
];

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
