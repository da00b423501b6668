import { describe, expect, test } from 'vitest';
import { Diagnostic } from 'vscode-languageserver';
import { KE_HOACH, check, codeOf, edit, one } from './check-helpers.js';
import { readSyllable } from '../../src/domain/syllable.js';

const LINE = 'Phong trào thi đua thiết thực, hiệu quả, tránh hình thức.';
const withLine = (line: string) => edit(KE_HOACH, LINE, line);

describe('Vietnamese syllables, read by structure', () => {
    test('words of every onset, rhyme and tone placement read as syllables', () => {
        const words =
            'nguyễn người quốc quý quyết khuya giá gì gìn giếng giữa khuỷu ngoài hữu cửa mía múa tiếng việt được ' +
            'trường thưởng đặc điểm kiểm kế ghi nghệ gần ngày học hạt ạ ý yêu uyên thuở xoong hòa hoà thủy thuỷ';
        for (const w of words.split(' ')) expect(readSyllable(w).ok, w).toBe(true);
    });

    test.each([
        ['múôn', 'tone-place', 'muốn'],
        ['hoạcc', 'structure', undefined],
        ['ce', 'spelling', 'ke'],
        ['nge', 'spelling', 'nghe'],
        ['kan', 'spelling', 'can'],
        ['hăt', 'tone-final', undefined],
        ['ộngg', 'structure', undefined],
        ['thưởgn', 'structure', undefined]
    ])('%s is not a syllable (%s)', (word, problem, expected) => {
        const r = readSyllable(word);
        expect(r.ok).toBe(false);
        if (!r.ok) {
            expect(r.problem).toBe(problem);
            expect(r.expected).toBe(expected);
        }
    });
});

describe('the syllable checks in a document', () => {
    test.each([
        [
            'Phong trào thi đua trogn toàn huyện.',
            '"trogn" không phải là một tiếng tiếng Việt; có phải là "trong"?',
            'trogn',
            'trong'
        ],
        ['Loa phát thanh di đ ộng.', '"đ ộng" là một tiếng bị tách đôi; viết liền là "động".', 'đ ộng', 'động'],
        ['Phong trào thi đua múôn năm.', '"múôn": dấu thanh đặt sai chỗ; viết đúng là "muốn".', 'múôn', 'muốn'],
        [
            'Nêu gương nguời tốt việc tốt.',
            '"nguời" không phải là một tiếng tiếng Việt viết đúng; có phải là "người"?',
            'nguời',
            'người'
        ],
        [
            'Phong trào thi đua ộngg khắp.',
            '"ộngg" không phải là một tiếng tiếng Việt viết đúng; có phải là "ộng"?',
            'ộngg',
            'ộng'
        ]
    ])('%s', async (line, message, covered, right) => {
        const checked = await check(withLine(line));
        const d = one(checked, 'am-tiet');
        expect(Diagnostic.getMessageString(d).startsWith(message)).toBe(true);
        expect(checked.covered(d)).toBe(covered);
        expect((await checked.fix(d))['doc.thidua']).toBe(withLine(line.replace(covered, right)));
    });

    test('names, abbreviations, codes, foreign words, enumeration letters and unmarked words are left alone', async () => {
        const line =
            'Đắk Lắk, KT-XH, 34-CT/TW, email, online, website, Zalo, điểm đ khoản 2, viet khong dau, Facebook, (iv) và (ix).';
        expect((await check(withLine(line))).diagnostics.map(codeOf)).not.toContain('am-tiet');
    });

    test('"so" before a document number is "số"; "so với" is not', async () => {
        const checked = await check(withLine('Thực hiện Chỉ thị so 41-CT/TW, so với năm trước.'));
        const d = one(checked, 'sai-chinh-ta');
        expect(checked.covered(d)).toBe('so');
        expect((await checked.fix(d))['doc.thidua']).toBe(withLine('Thực hiện Chỉ thị số 41-CT/TW, so với năm trước.'));
    });

    test('old and new tone placement mixed in one document: one finding, one fix for the fewer', async () => {
        const text = withLine('Phong trào văn hoá, thể thao, hòa nhập, hòa giải, thủy lợi.');
        const checked = await check(text);
        const d = one(checked, 'dau-thanh-kieu');
        expect(d.message).toMatch(
            /^Văn bản đặt dấu thanh theo hai kiểu: 1 chữ theo kiểu mới \(hoà, thuỷ\) \(như "hoá"\)/
        );
        expect((await checked.fix(d))['doc.thidua']).toBe(
            withLine('Phong trào văn hóa, thể thao, hòa nhập, hòa giải, thủy lợi.')
        );
        const alone = 'KẾ HOẠCH\nThi đua năm 2025\n\nPhong trào văn hoá, hoà nhập, thuỷ lợi.\n';
        expect((await check(alone)).diagnostics.map(codeOf)).not.toContain('dau-thanh-kieu');
        expect((await check(alone.replace('thuỷ', 'thủy'))).diagnostics.map(codeOf)).toContain('dau-thanh-kieu');
    });
});
