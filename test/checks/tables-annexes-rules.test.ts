import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { Diagnostic } from 'vscode-languageserver';
import { check, codeOf, edit, one, testRuleCases, ruleCases } from './check-helpers.js';

const PLAN = readFileSync(
    join(import.meta.dirname, '..', 'fixtures', 'correct', 'ke-hoach-phu-luc-chuan.thidua'),
    'utf8'
);
const ERROR = 1;
const cases = ruleCases('tables-annexes');

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
        expect(found.map(d => Diagnostic.getMessageString(d).split(' (')[0])).toEqual([
            'Điểm tự chấm của tiêu chí "II. Kết quả" ghi 74 nhưng các tiêu chí con cộng lại được 76. Hãy sửa cho khớp.',
            'Điểm tự chấm của tiêu chí "2. Môi trường" là 32, vượt điểm chuẩn 30. Hãy chấm lại tiêu chí này.'
        ]);
        expect(found[1].severity).toBe(ERROR);
    });

    test('a graded table keeps the numbers of the criteria it is graded on: a gap is no finding, a repeat is', async () => {
        const gap = edit(REPORT, '| 2 | Phát động | 20 | | 18 |', '| 3 | Phát động | 20 | | 18 |');
        expect((await check(gap)).diagnostics.map(codeOf)).not.toContain('bang-diem-danh-so');
        const repeat = edit(REPORT, '| 2 | Phát động | 20 | | 18 |', '| 1 | Phát động | 20 | | 18 |');
        expect(one(await check(repeat), 'bang-diem-danh-so').message).toMatch(/^Số thứ tự "1" không liền mạch/);
    });

    test('the total of self-scores must equal the groups, with a fix', async () => {
        const c = await check(edit(REPORT, '| | Tổng cộng | 100 | 5 | 102 |', '| | Tổng cộng | 100 | 5 | 100 |'));
        const d = one(c, 'bang-diem-tu-cham');
        expect(d.message).toMatch(/^Tổng điểm tự chấm ghi 100 nhưng các nhóm tiêu chí cộng lại được 102/);
        expect((await c.fix(d))['doc.thidua']).toBe(REPORT);
    });
});

describe('points written as a range', () => {
    test('"0-40" gives the criterion up to 40 points: the total is read against the ranges\' tops', async () => {
        const table = (total: string) =>
            ['KẾ HOẠCH', 'Chấm điểm sản phẩm', '', '| TT | Nội dung | Tổng điểm |', '|---|---|---|']
                .concat(['| 1 | Tính mới | 0-40 |', '| 2 | Hiệu quả | 0 - 60 |', `| | Tổng cộng: | ${total} |`, ''])
                .join('\n');
        expect((await check(table('100'))).diagnostics.map(codeOf)).not.toContain('bang-diem-tong');
        expect(one(await check(table('90')), 'bang-diem-tong').message).toMatch(/ghi 90 điểm .*cộng lại được 100 điểm/);
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
