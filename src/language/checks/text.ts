import { AstUtils, type ValidationAcceptor } from 'langium';
import typosData from '../../domain/data/typos.json' with { type: 'json' };
import type { Document } from '../generated/ast.js';
import { PieceText, propertyOffset, rangeOf, report } from './rules.js';

/** Misspellings by their first word, longest first: one map lookup per word of a line. */
const typosByFirstWord = new Map<string, { words: string[]; right: string }[]>();
for (const t of [...typosData.typos].sort((a, b) => b.wrong.length - a.wrong.length)) {
    const words = t.wrong.normalize('NFC').toLowerCase().split(/\s+/);
    const list = typosByFirstWord.get(words[0]) ?? [];
    list.push({ words, right: t.right });
    typosByFirstWord.set(words[0], list);
}
/** Characters other than Latin, Vietnamese letters and common punctuation (which are NFC as they stand). Without
 * the u flag a surrogate counts as one of them, which only costs a normalisation. */
const MAYBE_NOT_NFC = /[^\u0000-\u02ff\u1e00-\u1eff\u2002-\u206f]/;
/** For each first letter of a misspelling, the lengths its first word can have (bit n: n letters). */
const TYPO_FIRST = new Uint32Array(0x2000);
for (const first of typosByFirstWord.keys()) {
    const c = first.charCodeAt(0);
    if (c < TYPO_FIRST.length) TYPO_FIRST[c] |= 1 << Math.min(first.length, 31);
}
/** Function words that are never reduplicated on purpose (unlike "dần dần", "từng người"). */
const STOP_WORDS = new Set(['của', 'và', 'các', 'những', 'được', 'là', 'có', 'trong', 'với', 'cho', 'để', 'đã', 'sẽ', 'thì', 'mà', 'nhằm', 'theo']);
const NO_SPACE = /[,;:](?=\p{L})/gu;
/** Vowels carrying a tone mark (sắc, huyền, hỏi, ngã, nặng): a Vietnamese syllable has at most one. */
const TONED_CHARS = 'áàảãạắằẳẵặấầẩẫậéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ';
const TONED_CODES = new Uint8Array(0x2000);
for (const c of TONED_CHARS) TONED_CODES[c.charCodeAt(0)] = 1;
const TONED = new RegExp(`[${TONED_CHARS}]`, 'iu');
const FINALS = ['ng', 'nh', 'ch', 'c', 'm', 'n', 'p', 't'];
const INITIALS = /^(?:ngh|ng|nh|ph|th|tr|ch|gh|gi|kh|qu|[bcdđghklmnprstvx])/iu;

/** Where two syllables typed without a space split ("việcphát" → "việc" + "phát"), if it can be told. */
export function splitJoined(word: string): number | undefined {
    const first = TONED.exec(word);
    if (!first) return undefined;
    let i = first.index + 1;
    while (i < word.length && /[aăâeêioôơuưy]/iu.test(word[i])) i++;
    for (const f of FINALS) {
        if (word.slice(i, i + f.length).toLowerCase() === f && INITIALS.test(word.slice(i + f.length))) return i + f.length;
    }
    return INITIALS.test(word.slice(i)) ? i : undefined;
}

function matchCase(written: string, right: string): string {
    const first = written[0];
    return first && first !== first.toLowerCase() ? right[0].toUpperCase() + right.slice(1) : right;
}

/** Vietnamese text: NFC, common misspellings, repeated words, a space after punctuation. */
export class TextChecks {

    checkNfc(doc: Document, accept: ValidationAcceptor): void {
        const document = AstUtils.getDocument(doc);
        const text = document.textDocument.getText();
        const bad = text.indexOf('\uFFFD');
        if (bad >= 0) {
            report(accept, 'van-ban-bang-ma', 'Tệp có ký tự không đọc được: tệp không được lưu bằng Unicode (UTF-8), có thể được gõ bằng bảng mã cũ (TCVN3/ABC, VNI, Windows-1258). Hãy chuyển mã sang Unicode (ví dụ bằng Unikey) rồi mở lại; đừng sửa trực tiếp kẻo mất chữ.',
                { node: doc, range: rangeOf(doc, bad, bad + 1) });
            return;
        }
        if (!MAYBE_NOT_NFC.test(text)) return;
        const nfc = text.normalize('NFC');
        if (text === nfc) return;
        let i = 0;
        while (i < text.length && text[i] === nfc[i]) i++;
        while (i > 0 && /\p{M}/u.test(text[i])) i--;
        let j = i + 1;
        while (j < text.length && /\p{M}/u.test(text[j])) j++;
        report(accept, 'van-ban-nfc', 'Văn bản có chữ tiếng Việt gõ ở dạng tổ hợp (dấu tách rời khỏi chữ), nên tìm kiếm và kiểm tra không nhận ra. Hãy chuẩn hóa toàn bộ tệp về dạng dựng sẵn (Unicode NFC).',
            { node: doc, range: rangeOf(doc, i, j) },
            [{ title: 'Chuẩn hóa toàn bộ tệp (Unicode NFC)', edits: [{ range: rangeOf(doc, 0, text.length), newText: nfc }] }]);
    }

    checkProse(text: PieceText, accept: ValidationAcceptor): void {
        const words = text.words;
        for (let i = 0; i < words.length; i++) {
            const first = words.code(i, 0), size = words.size(i);
            if (first >= TYPO_FIRST.length || !(TYPO_FIRST[first] & (1 << Math.min(size, 31)))) continue;
            const candidates = typosByFirstWord.get(words.word(i));
            if (!candidates) continue;
            for (const typo of candidates) {
                const n = typo.words.length;
                if (i + n > words.length || typo.words.some((w, k) => words.word(i + k) !== w)) continue;
                if (n > 1 && !/^\s+$/u.test(text.text.slice(words.ends[i], words.starts[i + 1]))) continue;
                const start = words.starts[i], end = words.ends[i + n - 1];
                const written = text.text.slice(start, end);
                const node = text.nodeAt(start)!;
                if (text.nodeAt(end - 1) !== node) continue;
                const right = matchCase(written, typo.right);
                const range = rangeOf(node, text.offsetAt(start), text.offsetAt(end - 1) + 1);
                report(accept, 'sai-chinh-ta', `"${written}" viết sai chính tả; viết đúng là "${right}".`, { node, range },
                    [{ title: `Sửa thành "${right}"`, edits: [{ range, newText: right }] }]);
                i += n - 1;
                break;
            }
        }
        this.checkRepeats(text, accept);
        NO_SPACE.lastIndex = 0;
        for (let m = NO_SPACE.exec(text.text); m; m = NO_SPACE.exec(text.text)) {
            const before = text.text.slice(Math.max(0, m.index - 12), m.index);
            if (/[a-z]+$/i.test(before) && /:/.test(m[0]) && /https?$|mailto$/i.test(before)) continue;
            const node = text.nodeAt(m.index)!;
            const at = text.offsetAt(m.index) + 1;
            report(accept, 'thieu-dau-cach', `Thiếu dấu cách sau dấu "${m[0]}".`, { node, range: rangeOf(node, at - 1, at + 1) },
                [{ title: `Thêm dấu cách sau "${m[0]}"`, edits: [{ range: rangeOf(node, at, at), newText: ' ' }] }]);
        }
    }

    /** A word or a two-word phrase typed twice in a row ("kỷ niệm kỷ niệm"); one linear pass over the words. */
    private checkRepeats(text: PieceText, accept: ValidationAcceptor): void {
        const words = text.words;
        const { starts, ends } = words;
        const blank = (a: number, b: number) => /^\s+$/.test(text.text.slice(a, b));
        for (let i = 0; i < words.length; i++) {
            let n = 0;
            if (i + 3 < words.length && words.same(i, i + 2) && words.same(i + 1, i + 3)
                && blank(ends[i], starts[i + 1]) && blank(ends[i + 1], starts[i + 2]) && blank(ends[i + 2], starts[i + 3])) n = 2;
            else if (i + 1 < words.length && words.same(i, i + 1) && STOP_WORDS.has(words.word(i)) && blank(ends[i], starts[i + 1])) n = 1;
            if (!n) continue;
            const firstEnd = ends[i + n - 1], second = starts[i + n], secondEnd = ends[i + 2 * n - 1];
            const phrase = text.text.slice(starts[i], firstEnd);
            // Delete inside one piece only, so that markup such as "{" is never removed with the word.
            const onePiece = (a: number, b: number) => text.nodeAt(a) === text.nodeAt(b - 1);
            const [from, to] = onePiece(firstEnd, secondEnd) ? [firstEnd, secondEnd] : [starts[i], second];
            if (!onePiece(from, to)) continue;
            const node = text.nodeAt(from)!;
            const range = rangeOf(node, text.offsetAt(from), text.offsetAt(to - 1) + 1);
            report(accept, 'lap-tu', `Từ "${phrase}" bị lặp lại liền nhau. Hãy xóa một lần.`, { node, range },
                [{ title: `Xóa "${phrase}" thừa`, edits: [{ range, newText: '' }] }]);
            i += 2 * n - 1;
        }
    }

    /** Two syllables typed together ("việcphát"): two tone marks in one word. */
    checkJoined(text: PieceText, accept: ValidationAcceptor): void {
        const words = text.words;
        for (let i = 0; i < words.length; i++) {
            const size = words.size(i);
            if (size < 4) continue;
            let toned = 0;
            for (let k = 0; k < size && toned < 2; k++) toned += TONED_CODES[words.code(i, k)] ?? 0;
            if (toned < 2) continue;
            const start = words.starts[i], end = words.ends[i];
            const written = text.text.slice(start, end);
            const node = text.nodeAt(start)!;
            const range = rangeOf(node, text.offsetAt(start), text.offsetAt(end - 1) + 1);
            const cut = splitJoined(written);
            const fixed = cut ? `${written.slice(0, cut)} ${written.slice(cut)}` : undefined;
            report(accept, 'thieu-dau-cach', `"${written}" có hai tiếng viết liền nhau${fixed ? `; có phải là "${fixed}"?` : '.'} Hãy thêm dấu cách giữa hai tiếng.`,
                { node, range }, fixed ? [{ title: `Viết "${fixed}"`, edits: [{ range, newText: fixed }] }] : []);
        }
    }

    checkNumberLineSpace(doc: Document, accept: ValidationAcceptor): void {
        const line = doc.numberLine;
        const base = propertyOffset(doc, 'numberLine');
        if (!line || base === undefined || !/^Số:(?=[^\s])/u.test(line)) return;
        report(accept, 'thieu-dau-cach', 'Thiếu dấu cách sau "Số:"; viết "Số: 12/CT-UBND".', { node: doc, range: rangeOf(doc, base, base + 4) },
            [{ title: 'Thêm dấu cách sau "Số:"', edits: [{ range: rangeOf(doc, base + 3, base + 3), newText: ' ' }] }]);
    }
}
