import { describe, expect, test } from 'vitest';
import { codeOf, loadExamples } from '../helpers.js';

const examples = await loadExamples();

/**
 * Everything `thidua check` reports on the five real documents. Each is a real mistake of the source
 * document; the comment says why.
 */
const expected: Record<string, [line: number, code: string, covered: string][]> = {
    '000-chi-thi-ha-lang-2023.thidua': [
        // "Phần đầu có 85% …" is a typo of "Phấn đấu có".
        [34, 'sai-chinh-ta', 'Phần đầu có'],
        // The movement "Hỗ trợ xóa nhà tạm …" runs "giai đoạn 2021-2015": the end year is before the start (2025
        // meant).
        [50, 'thoi-gian-nguoc', 'giai đoạn 2021-2015'],
        // "phân đầu hoàn thành vượt mức" is a typo of "phấn đấu".
        [52, 'sai-chinh-ta', 'phân đầu'],
        // Chỉ thị 05-CT/TW is mentioned for the first time without its issuer (Bộ Chính trị), which NĐ 30 requires.
        [58, 'trich-dan-lan-dau', '[Chỉ thị số 05-CT/TW ngày 15/5/2016]']
    ],
    '001-ke-hoach-chu-de-nam-2023.thidua': [
        // A 2023 plan speaks of "chủ đề năm 2022 của huyện" while quoting the 2023 theme.
        [29, 'nam-khong-khop', '2022'],
        // "các ngày kỷ niệm kỷ niệm 75 năm": "kỷ niệm" typed twice.
        [68, 'lap-tu', 'kỷ niệm ']
    ],
    '002-ke-hoach-tam-duong-20-nam.thidua': [
        // A draft: the number and the date are left blank on purpose (information only).
        [2, 'so-ky-hieu-trong', 'Số: /KH-UBND'],
        [4, 'ngay-ban-hanh-trong', 'ngày tháng năm 2022'],
        // "chào mừng kỷ niệm 20 ngày thành lập huyện (21/9/2002-21/9/2022)": 20 years, not 20 days.
        [14, 'ky-niem-so-nam', 'kỷ niệm 20 ngày thành lập huyện (21/9/2002-21/9/2022)'],
        // Two words ("văn hoá" …) place the tone the new way, every other hòa/thủy the old way: one finding.
        [16, 'dau-thanh-kieu', 'hoá'],
        // "trình cấp cơ thẩm quyền khen thưởng": "có thẩm quyền".
        [110, 'sai-chinh-ta', 'cơ thẩm quyền']
    ],
    '003-chi-thi-huong-tra-2024.thidua': [
        // "Số:12/CT-UBND": NĐ 30 writes "Số: 12/CT-UBND".
        [2, 'thieu-dau-cach', 'Số:1'],
        // The directive sets no campaign period (Luật 06/2022 Điều 17 requires the time of the movement).
        [6, 'thieu-phan', 'CHỈ THỊ'],
        // "chỉ trì, phối hợp" is a typo of "chủ trì".
        [40, 'sai-chinh-ta', 'chỉ trì']
    ],
    '004-tin-bai-cho-don-2022.thidua': [
        // "Chị thị số 34-CT/TW" is a typo of "Chỉ thị".
        [7, 'sai-chinh-ta', 'Chị thị'],
        // "về việcphát động": a missing space between two words.
        [7, 'thieu-dau-cach', 'việcphát']
    ],
    'so-van-ban.thidua': [],
    // The two example reports are written right: every stated percentage, status and total agrees with the plan.
    'bao-cao-tong-ket-2023-ha-lang.thidua': [],
    'bao-cao-so-ket-6-thang-2023-ha-lang.thidua': []
};

describe('what the checks report on the examples', () => {
    for (const [name, want] of Object.entries(expected)) {
        test(name, () => {
            const doc = examples.get(name)!;
            const found = (doc.diagnostics ?? [])
                .filter(d => d.severity !== 4)
                .sort(
                    (a, b) =>
                        a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character
                )
                .map(d => [d.range.start.line + 1, codeOf(d), doc.textDocument.getText(d.range)]);
            expect(found).toEqual(want);
        });
    }

    test('the named real mistakes are all found', () => {
        const all = [...examples.values()].flatMap(d =>
            (d.diagnostics ?? []).map(x => d.textDocument.getText(x.range))
        );
        for (const mistake of ['giai đoạn 2021-2015', '2022', 'chỉ trì', 'Chị thị']) expect(all).toContain(mistake);
    });
});
