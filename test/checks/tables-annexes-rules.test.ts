import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { check, codeOf, edit, one, testRuleCases, type RuleCase } from './check-helpers.js';

const PLAN = readFileSync(
    join(import.meta.dirname, '..', 'fixtures', 'correct', 'ke-hoach-phu-luc-chuan.thidua'),
    'utf8'
);
const WARNING = 2,
    ERROR = 1,
    INFO = 3;

const GROUP_I = '| I   | **CÔNG TÁC CHỈ ĐẠO**              | 30    |';
const cases: RuleCase[] = [
    {
        name: 'the "Kèm theo" line names another number and date',
        code: 'phu-luc-kem-theo',
        severity: ERROR,
        text: edit(PLAN, 'Kế hoạch số 45/KH-UBND ngày 10/3/2025 của', 'Kế hoạch số 46/KH-UBND ngày 11/3/2025 của'),
        covered: '(Kèm theo Kế hoạch số 46/KH-UBND ngày 11/3/2025 của Ủy ban nhân dân huyện Nam Sơn)',
        message:
            /^Dòng "Kèm theo" của PHỤ LỤC ghi số 46\/KH-UBND nhưng văn bản là số 45\/KH-UBND; ghi ngày 11\/3\/2025 nhưng văn bản ban hành ngày 10\/3\/2025\./,
        fixed: PLAN
    },
    {
        name: 'an annex without its "Kèm theo" line',
        code: 'phu-luc-thieu-kem-theo',
        severity: WARNING,
        text: edit(PLAN, '\n(Kèm theo Kế hoạch số 45/KH-UBND ngày 10/3/2025 của Ủy ban nhân dân huyện Nam Sơn)', ''),
        covered: 'PHỤ LỤC',
        message: /^PHỤ LỤC chưa có dòng "\(Kèm theo Kế hoạch số … ngày …\)"/,
        fixed: edit(
            PLAN,
            '(Kèm theo Kế hoạch số 45/KH-UBND ngày 10/3/2025 của Ủy ban nhân dân huyện Nam Sơn)',
            '(Kèm theo Kế hoạch số 45/KH-UBND ngày 10/3/2025 của Ủy ban nhân dân huyện Nam Sơn)'
        )
    },
    {
        name: 'two annexes, the second not numbered II',
        code: 'phu-luc-so',
        severity: WARNING,
        text:
            edit(PLAN, 'PHỤ LỤC\nBẢNG', 'PHỤ LỤC I\nBẢNG') +
            '\nPHỤ LỤC III\nDANH SÁCH CÁC XÃ\n(Kèm theo Kế hoạch số 45/KH-UBND ngày 10/3/2025 của Ủy ban nhân dân huyện Nam Sơn)\n\nCác xã trong huyện.\n',
        covered: 'PHỤ LỤC III',
        message: /phụ lục thứ 2 phải đánh số La Mã "II"/,
        fixed:
            edit(PLAN, 'PHỤ LỤC\nBẢNG', 'PHỤ LỤC I\nBẢNG') +
            '\nPHỤ LỤC II\nDANH SÁCH CÁC XÃ\n(Kèm theo Kế hoạch số 45/KH-UBND ngày 10/3/2025 của Ủy ban nhân dân huyện Nam Sơn)\n\nCác xã trong huyện.\n'
    },
    {
        name: 'a group whose criteria do not add up to its maximum (the total row follows the parts: one mistake, one finding)',
        code: 'bang-diem-tong-nhom',
        severity: WARNING,
        text: edit(PLAN, GROUP_I, '| I   | **CÔNG TÁC CHỈ ĐẠO**              | 35    |'),
        covered: '35',
        message:
            /^Tiêu chí "I\. CÔNG TÁC CHỈ ĐẠO" có điểm chuẩn 35 nhưng các tiêu chí con cộng lại được 30 \(1: 10; 2: 10; 3: 10\)/,
        fixed: PLAN
    },
    {
        name: 'the total row disagrees with the groups',
        code: 'bang-diem-tong',
        severity: WARNING,
        text: edit(
            PLAN,
            '| **Tổng cộng**                     | 100   |',
            '| **Tổng cộng**                     | 110   |'
        ),
        covered: '110',
        message: /^Dòng tổng cộng ghi 110 điểm nhưng các nhóm tiêu chí cộng lại được 100 điểm/,
        fixed: PLAN
    },
    {
        name: 'the total stated in the text disagrees with the table',
        code: 'bang-diem-tong',
        severity: WARNING,
        text: edit(PLAN, 'tổng điểm chuẩn 100 điểm', 'tổng điểm chuẩn 120 điểm'),
        covered: '100',
        message: /^Văn bản nêu "tổng điểm chuẩn 120 điểm" nhưng các nhóm tiêu chí trong bảng cộng lại được 100 điểm/
    },
    {
        name: 'a deduction written with a plus sign',
        code: 'bang-diem-tru',
        severity: WARNING,
        text: edit(PLAN, '| -2  |', '| +2  |'),
        covered: '+2',
        message: /ghi dấu cộng \(\+2\)/,
        fixed: edit(PLAN, '| -2  |', '| -2  |')
    },
    {
        name: 'a deduction over the limit the criterion states',
        code: 'bang-diem-tru',
        severity: WARNING,
        text: edit(
            PLAN,
            '| -2  | Ban hành chậm sau ngày 31/3/2025 trừ 2 điểm ',
            '| -3  | Điểm trừ không quá 2 điểm; chậm thì trừ      '
        ),
        covered: '-3',
        message: /cho trừ tối đa 2 điểm nhưng bảng ghi trừ 3 điểm/
    },
    {
        name: 'numbering that skips',
        code: 'bang-diem-danh-so',
        severity: WARNING,
        text: edit(PLAN, '| 3   | Sơ kết đợt 1', '| 4   | Sơ kết đợt 1'),
        covered: '4',
        message: /^Số thứ tự "4" không liền mạch: sau "2" phải là "3"\./,
        fixed: PLAN
    },
    {
        name: 'a target whose only number is a year is read as qualitative, and says so',
        code: 'gia-tri-cach-doc',
        severity: INFO,
        text: edit(PLAN, '(1) Các xã hoàn thành', '(1) {Hoàn thành vượt mức các chỉ tiêu năm 2025}. Các xã hoàn thành'),
        covered: 'Hoàn thành vượt mức các chỉ tiêu năm 2025',
        message: /^Giá trị này được hiểu là chỉ tiêu định tính, không có số đo \(số năm trong đó không phải số đo\)/
    }
];

describe('annexes and scoring tables: each rule breaks, and its quick fix', () => {
    test('the plan with its scoring annex is correct as written', async () => {
        expect((await check(PLAN)).diagnostics.map(d => `${codeOf(d)}: ${d.message}`)).toEqual([]);
    });
    testRuleCases(cases);

    test('a text issued with the document ("QUY ĐỊNH" + "Ban hành kèm theo") is not a Phụ lục to number', async () => {
        const text =
            edit(PLAN, 'PHỤ LỤC\nBẢNG', 'PHỤ LỤC I\nBẢNG') +
            '\nQUY ĐỊNH\n(Ban hành kèm theo Kế hoạch số 45/KH-UBND ngày 10/3/2025)\n\nCác xã.\n';
        expect((await check(text)).diagnostics.filter(d => codeOf(d) === 'phu-luc-so')).toEqual([]);
    });
});

const REPORT = [
    'BÁO CÁO',
    'Kết quả chấm điểm thi đua năm 2025',
    '',
    'I. KẾT QUẢ CHẤM ĐIỂM',
    '',
    '| STT | Tiêu chí | Điểm chuẩn | Điểm thưởng | Điểm tự chấm |',
    '|---|---|---|---|---|',
    '| I | Chỉ đạo | 30 | | 28 |',
    '| 1 | Kế hoạch | 10 | | 10 |',
    '| 2 | Phát động | 20 | | 18 |',
    '| II | Kết quả | 70 | 5 | 74 |',
    '| 1 | Nông thôn mới | 40 | 5 | 44 |',
    '| 2 | Môi trường | 30 | | 30 |',
    '| | Tổng cộng | 100 | 5 | 102 |',
    ''
].join('\n');

describe('self-scores (tự chấm) read against the table', () => {
    test('scores within the maximum plus the bonus, and sums that add up, hold', async () => {
        expect((await check(REPORT)).diagnostics.filter(d => codeOf(d).startsWith('bang-diem'))).toEqual([]);
    });

    test('a score above the maximum without a bonus is an error', async () => {
        const c = await check(edit(REPORT, '| 2 | Môi trường | 30 | | 30 |', '| 2 | Môi trường | 30 | | 32 |'));
        const found = c.diagnostics.filter(d => codeOf(d) === 'bang-diem-tu-cham');
        expect(found.map(d => d.message.split(' (')[0])).toEqual([
            'Điểm tự chấm của tiêu chí "II. Kết quả" ghi 74 nhưng các tiêu chí con cộng lại được 76. Hãy sửa cho khớp.',
            'Điểm tự chấm của tiêu chí "2. Môi trường" là 32, vượt điểm chuẩn 30. Hãy chấm lại tiêu chí này.'
        ]);
        expect(found[1].severity).toBe(ERROR);
    });

    test('the total of self-scores must equal the groups, with a fix', async () => {
        const c = await check(edit(REPORT, '| | Tổng cộng | 100 | 5 | 102 |', '| | Tổng cộng | 100 | 5 | 100 |'));
        const d = one(c, 'bang-diem-tu-cham');
        expect(d.message).toMatch(/^Tổng điểm tự chấm ghi 100 nhưng các nhóm tiêu chí cộng lại được 102/);
        expect((await c.fix(d))['doc.thidua']).toBe(REPORT);
    });
});

describe('rounds: deadlines against the whole campaign', () => {
    test('an evaluation after the last round is allowed; a task deadline after it is not', async () => {
        expect((await check(PLAN)).diagnostics.filter(d => codeOf(d) === 'thoi-gian-ngoai-ky')).toEqual([]);
        const late = await check(
            edit(
                PLAN,
                'gửi Phòng Nội vụ {trước ngày 30/11/2025}./.',
                'gửi Phòng Nội vụ {trước ngày 30/11/2025}.\n\n3. Phòng Văn hóa - Thông tin tuyên truyền về phong trào {trước ngày 30/11/2025}./.'
            )
        );
        expect(one(late, 'thoi-gian-ngoai-ky').message).toMatch(
            /^Hạn 30\/11\/2025 nằm sau khi kết thúc thời gian thi đua/
        );
    });
});
