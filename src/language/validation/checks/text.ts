import { AstUtils, type ValidationAcceptor } from 'langium';
import typosData from '../../../domain/data/typos.json' with { type: 'json' };
import type { Document } from '../../generated/ast.js';
import { MAYBE_XML_INVALID, XML_INVALID } from '../../../domain/xml-chars.js';
import { isCheckable, isMarked, nearestSyllable, otherStyle, readSyllable } from '../../../domain/syllable.js';
import { documentKinds } from '../../../domain/tables.js';
import { PieceText, propertyOffset, rangeOf, report, TONED_CHARS, wordHash, type Words } from './rules.js';

/** Misspellings by the hash of their first word, longest first: a line's words are compared in place. */
interface Typo {
    words: string[];
    hashes: number[];
    right: string;
}
const typosByHash = new Map<number, Typo[]>();
/** One bit per hash value modulo 2^16: most words are ruled out without a lookup. */
const TYPO_BITS = new Uint32Array(2048);
for (const t of [...typosData.typos].sort((a, b) => b.wrong.length - a.wrong.length)) {
    const words = t.wrong.normalize('NFC').toLowerCase().split(/\s+/);
    const hashes = words.map(wordHash);
    const list = typosByHash.get(hashes[0]) ?? [];
    list.push({ words, hashes, right: t.right });
    typosByHash.set(hashes[0], list);
    TYPO_BITS[(hashes[0] & 0xffff) >>> 5] |= 1 << (hashes[0] & 31);
}
/** Characters other than Latin, Vietnamese letters and common punctuation (which are NFC as they stand). Without
 * the u flag a surrogate counts as one of them, which only costs a normalisation. */
const MAYBE_NOT_NFC = /[^\u0000-\u02ff\u1e00-\u1eff\u2002-\u206f]/;
/** Function words that are never reduplicated on purpose (unlike "dần dần", "từng người"). */
const STOP_WORDS = new Set([
    'của',
    'và',
    'các',
    'những',
    'được',
    'là',
    'có',
    'trong',
    'với',
    'cho',
    'để',
    'đã',
    'sẽ',
    'thì',
    'mà',
    'nhằm',
    'theo'
]);
const NO_SPACE = /[,;:](?=\p{L})/gu;
const COMPOUNDS = new Set(typosData.compoundsEndingInFunctionWord);
const KIND_BEFORE = new RegExp(`(?:${documentKinds.map(k => k.name).join('|')})\\s+$`, 'iu');
/** Open syllables in oa, oe, uy with a tone mark, where the mark may sit on either vowel. */
const TWO_WAY = /[òóỏõọ][ae]|o[àáảãạèéẻẽẹ]|[ùúủũụ]y|u[ỳýỷỹỵ]/g;
const isLetter = (c: number) =>
    (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 0xc0 && c <= 0x24f) || (c >= 0x1e00 && c <= 0x1eff);
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
        if (word.slice(i, i + f.length).toLowerCase() === f && INITIALS.test(word.slice(i + f.length)))
            return i + f.length;
    }
    return INITIALS.test(word.slice(i)) ? i : undefined;
}

/** Words `i`, `i + 1`, … are `expected` (lower-cased), compared without making strings. */
function wordsAre(words: Words, i: number, expected: Typo): boolean {
    for (let k = 0; k < expected.words.length; k++)
        if (!words.is(i + k, expected.words[k], expected.hashes[k])) return false;
    return true;
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
            report(
                accept,
                'van-ban-bang-ma',
                'Tệp có ký tự không đọc được: tệp không được lưu bằng Unicode (UTF-8), có thể được gõ bằng bảng mã cũ (TCVN3/ABC, VNI, Windows-1258). Hãy chuyển mã sang Unicode (ví dụ bằng Unikey) rồi mở lại; đừng sửa trực tiếp kẻo mất chữ.',
                { node: doc, range: rangeOf(doc, bad, bad + 1) }
            );
            return;
        }
        this.checkXmlChars(doc, text, accept);
        if (!MAYBE_NOT_NFC.test(text)) return;
        const nfc = text.normalize('NFC');
        if (text === nfc) return;
        let i = 0;
        while (i < text.length && text[i] === nfc[i]) i++;
        while (i > 0 && /\p{M}/u.test(text[i])) i--;
        let j = i + 1;
        while (j < text.length && /\p{M}/u.test(text[j])) j++;
        report(
            accept,
            'van-ban-nfc',
            'Văn bản có chữ tiếng Việt gõ ở dạng tổ hợp (dấu tách rời khỏi chữ), nên tìm kiếm và kiểm tra không nhận ra. Hãy chuẩn hóa toàn bộ tệp về dạng dựng sẵn.',
            { node: doc, range: rangeOf(doc, i, j) },
            [
                {
                    title: 'Chuẩn hóa toàn bộ tệp về dạng dựng sẵn',
                    edits: [{ range: rangeOf(doc, 0, text.length), newText: nfc }]
                }
            ]
        );
    }

    /**
     * Characters a Word file cannot hold (control characters, U+FFFE/U+FFFF, a lone surrogate): one finding, one fix.
     */
    private checkXmlChars(doc: Document, text: string, accept: ValidationAcceptor): void {
        if (!MAYBE_XML_INVALID.test(text)) return;
        XML_INVALID.lastIndex = 0;
        if (!XML_INVALID.test(text)) return;
        XML_INVALID.lastIndex = 0;
        const all = [...text.matchAll(XML_INVALID)];
        const code = all[0][0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
        const edits = all.map(m => ({ range: rangeOf(doc, m.index!, m.index! + m[0].length), newText: '' }));
        report(
            accept,
            'ky-tu-khong-hop-le',
            `Văn bản có ${all.length} ký tự không in được (như U+${code}) mà tệp Word không chứa được; ` +
                'khi xuất, các ký tự này bị bỏ. Hãy xóa chúng.',
            { node: doc, range: edits[0].range },
            [{ title: 'Xóa các ký tự không in được', edits }]
        );
    }

    checkProse(text: PieceText, accept: ValidationAcceptor): void {
        const words = text.words;
        for (let i = 0; i < words.length; i++) {
            const hash = words.hash(i);
            if (!(TYPO_BITS[(hash & 0xffff) >>> 5] & (1 << (hash & 31)))) continue;
            const candidates = typosByHash.get(hash);
            if (!candidates) continue;
            for (const typo of candidates) {
                const n = typo.words.length;
                if (i + n > words.length || !wordsAre(words, i, typo)) continue;
                if (n > 1 && !/^\s+$/u.test(text.text.slice(words.end(i), words.start(i + 1)))) continue;
                const start = words.start(i),
                    end = words.end(i + n - 1);
                const written = text.text.slice(start, end);
                const node = text.nodeAt(start)!;
                if (text.nodeAt(end - 1) !== node) continue;
                const right = matchCase(written, typo.right);
                const range = rangeOf(node, text.offsetAt(start), text.offsetAt(end - 1) + 1);
                report(
                    accept,
                    'sai-chinh-ta',
                    `"${written}" viết sai chính tả; viết đúng là "${right}".`,
                    { node, range },
                    [{ title: `Sửa thành "${right}"`, edits: [{ range, newText: right }] }]
                );
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
            report(
                accept,
                'thieu-dau-cach',
                `Thiếu dấu cách sau dấu "${m[0]}".`,
                { node, range: rangeOf(node, at - 1, at + 1) },
                [{ title: `Thêm dấu cách sau "${m[0]}"`, edits: [{ range: rangeOf(node, at, at), newText: ' ' }] }]
            );
        }
    }

    /** A word or a two-word phrase typed twice in a row ("kỷ niệm kỷ niệm"); one linear pass over the words. */
    private checkRepeats(text: PieceText, accept: ValidationAcceptor): void {
        const words = text.words;
        const blank = (a: number, b: number) => /^\s+$/.test(text.text.slice(a, b));
        for (let i = 0; i < words.length; i++) {
            let n = 0;
            if (
                i + 3 < words.length &&
                words.same(i, i + 2) &&
                words.same(i + 1, i + 3) &&
                blank(words.end(i), words.start(i + 1)) &&
                blank(words.end(i + 1), words.start(i + 2)) &&
                blank(words.end(i + 2), words.start(i + 3))
            )
                n = 2;
            else if (
                i + 1 < words.length &&
                words.same(i, i + 1) &&
                STOP_WORDS.has(words.word(i)) &&
                blank(words.end(i), words.start(i + 1)) &&
                !(i > 0 && COMPOUNDS.has(`${words.word(i - 1)} ${words.word(i)}`.toLowerCase()))
            )
                n = 1;
            if (!n) continue;
            const firstEnd = words.end(i + n - 1),
                second = words.start(i + n),
                secondEnd = words.end(i + 2 * n - 1);
            const phrase = text.text.slice(words.start(i), firstEnd);
            // Delete inside one piece only, so that markup such as "{" is never removed with the word.
            const onePiece = (a: number, b: number) => text.nodeAt(a) === text.nodeAt(b - 1);
            const [from, to] = onePiece(firstEnd, secondEnd) ? [firstEnd, secondEnd] : [words.start(i), second];
            if (!onePiece(from, to)) continue;
            const node = text.nodeAt(from)!;
            const range = rangeOf(node, text.offsetAt(from), text.offsetAt(to - 1) + 1);
            report(accept, 'lap-tu', `Từ "${phrase}" bị lặp lại liền nhau. Hãy xóa một lần.`, { node, range }, [
                { title: `Xóa "${phrase}" thừa`, edits: [{ range, newText: '' }] }
            ]);
            i += 2 * n - 1;
        }
    }

    /** Two syllables typed together ("việcphát"): two tone marks in one word. */
    checkJoined(text: PieceText, accept: ValidationAcceptor): void {
        const words = text.words;
        for (let i = 0; i < words.length; i++) {
            if (words.toned(i) < 2 || words.size(i) < 4) continue;
            const start = words.start(i),
                end = words.end(i);
            const written = text.text.slice(start, end);
            const node = text.nodeAt(start)!;
            const range = rangeOf(node, text.offsetAt(start), text.offsetAt(end - 1) + 1);
            const cut = splitJoined(written);
            const fixed = cut ? `${written.slice(0, cut)} ${written.slice(cut)}` : undefined;
            report(
                accept,
                'thieu-dau-cach',
                `"${written}" có hai tiếng viết liền nhau${fixed ? `; có phải là "${fixed}"?` : '.'} Hãy thêm dấu cách giữa hai tiếng.`,
                { node, range },
                fixed ? [{ title: `Viết "${fixed}"`, edits: [{ range, newText: fixed }] }] : []
            );
        }
    }

    /**
     * Each lower-case word of prose read as a Vietnamese syllable (onset + rhyme + tone, the mark on the main vowel):
     * what is not one is said with its likely correction. A word without any Vietnamese mark is judged only when two
     * swapped letters make it one ("trogn"): otherwise it may be a foreign word. A letter cut from its syllable
     * ("di đ ộng") is joined back. "so" between a document's kind and its number is "số".
     */
    checkSyllables(text: PieceText, accept: ValidationAcceptor): void {
        const words = text.words;
        for (let i = 0; i < words.length; i++) {
            const start = words.start(i),
                end = words.end(i);
            const written = text.text.slice(start, end);
            const so = written === 'so';
            // Most words are syllables: read from the cache before anything else is made.
            if (!so && (words.toned(i) >= 2 || readSyllable(written).ok || !isCheckable(written))) continue;
            const node = text.nodeAt(start)!;
            if (text.nodeAt(end - 1) !== node) continue;
            const range = rangeOf(node, text.offsetAt(start), text.offsetAt(end - 1) + 1);
            const fix = (right: string) => [{ title: `Sửa thành "${right}"`, edits: [{ range, newText: right }] }];
            if (so) {
                if (
                    /^\s+[0-9]/.test(text.text.slice(end, end + 3)) &&
                    KIND_BEFORE.test(text.text.slice(Math.max(0, start - 16), start))
                ) {
                    report(
                        accept,
                        'sai-chinh-ta',
                        `"so" trước số, ký hiệu văn bản là "số" thiếu dấu. Hãy viết "số".`,
                        { node, range },
                        fix('số')
                    );
                }
                continue;
            }
            const reading = readSyllable(written);
            if (reading.ok) continue;
            if (
                written.length === 1 ||
                (written.length <= 3 &&
                    reading.problem === 'structure' &&
                    !/[aăâeêioôơuưy]/u.test(written.normalize('NFD')))
            ) {
                this.checkCut(text, i, accept);
                continue;
            }
            if (!isMarked(written)) {
                const near = nearestSyllable(written, false);
                if (near)
                    report(
                        accept,
                        'am-tiet',
                        `"${written}" không phải là một tiếng tiếng Việt; có phải là "${near}"? Hãy sửa lại.`,
                        { node, range },
                        fix(near)
                    );
                continue;
            }
            if (reading.problem === 'tone-place') {
                report(
                    accept,
                    'am-tiet',
                    `"${written}": dấu thanh đặt sai chỗ; viết đúng là "${reading.expected}".`,
                    { node, range },
                    fix(reading.expected!)
                );
            } else if (reading.problem === 'spelling') {
                report(
                    accept,
                    'am-tiet',
                    `"${written}" viết là "${reading.expected}" (k, gh, ngh đứng trước i, e, ê; c, g, ng đứng trước các nguyên âm khác).`,
                    { node, range },
                    fix(reading.expected!)
                );
            } else if (reading.problem === 'tone-final') {
                report(
                    accept,
                    'am-tiet',
                    `"${written}": tiếng tận cùng bằng p, t, c, ch chỉ mang dấu sắc hoặc dấu nặng. Hãy sửa lại dấu thanh.`,
                    { node, range }
                );
            } else {
                const near = nearestSyllable(written);
                report(
                    accept,
                    'am-tiet',
                    `"${written}" không phải là một tiếng tiếng Việt viết đúng${near ? `; có phải là "${near}"?` : '.'} Hãy sửa lại.`,
                    { node, range },
                    near ? fix(near) : []
                );
            }
        }
    }

    /** "đ ộng": a consonant cut from the rest of its syllable by a space. */
    private checkCut(text: PieceText, i: number, accept: ValidationAcceptor): void {
        const words = text.words;
        if (i + 1 >= words.length) return;
        const a = text.text.slice(words.start(i), words.end(i)),
            b = text.text.slice(words.start(i + 1), words.end(i + 1));
        if (text.text.slice(words.end(i), words.start(i + 1)) !== ' ' || !isCheckable(b) || !readSyllable(a + b).ok)
            return;
        const node = text.nodeAt(words.start(i))!;
        if (text.nodeAt(words.end(i + 1) - 1) !== node) return;
        const range = rangeOf(node, text.offsetAt(words.start(i)), text.offsetAt(words.end(i + 1) - 1) + 1);
        report(accept, 'am-tiet', `"${a} ${b}" là một tiếng bị tách đôi; viết liền là "${a + b}".`, { node, range }, [
            { title: `Viết liền "${a + b}"`, edits: [{ range, newText: a + b }] }
        ]);
    }

    /**
     * One way of placing the tone in open oa, oe, uy in a document ("hòa, thủy" or "hoà, thuỷ"): the fewer of the two
     * is one finding, with a fix for all of them.
     */
    checkToneStyle(doc: Document, accept: ValidationAcceptor): void {
        const text = AstUtils.getDocument(doc).textDocument.getText();
        const found: { old: { at: number; word: string }[]; new: { at: number; word: string }[] } = {
            old: [],
            new: []
        };
        TWO_WAY.lastIndex = 0;
        for (let m = TWO_WAY.exec(text); m; m = TWO_WAY.exec(text)) {
            // The whole word around the two vowels: an open syllable ends with them.
            let from = m.index;
            const to = m.index + m[0].length;
            if (isLetter(text.charCodeAt(to))) continue;
            while (from > 0 && isLetter(text.charCodeAt(from - 1)) && m.index - from < 4) from--;
            if (from > 0 && isLetter(text.charCodeAt(from - 1))) continue;
            const word = text.slice(from, to);
            const r = readSyllable(word);
            if (r.ok && r.syllable.style && word === word.toLowerCase())
                found[r.syllable.style].push({ at: from, word });
        }
        if (!found.old.length || !found.new.length) return;
        const [fewer, style] =
            found.old.length < found.new.length ? [found.old, 'cũ (hòa, thủy)'] : [found.new, 'mới (hoà, thuỷ)'];
        const other = style.startsWith('cũ') ? 'mới (hoà, thuỷ)' : 'cũ (hòa, thủy)';
        // Positions in one pass over the text (the words are in order).
        let line = 0,
            lineStart = 0,
            scanned = 0;
        const position = (offset: number) => {
            for (; scanned < offset; scanned++)
                if (text.charCodeAt(scanned) === 10) {
                    line++;
                    lineStart = scanned + 1;
                }
            return { line, character: offset - lineStart };
        };
        const edits = fewer.map(f => ({
            range: { start: position(f.at), end: position(f.at + f.word.length) },
            newText: otherStyle(f.word)!
        }));
        report(
            accept,
            'dau-thanh-kieu',
            `Văn bản đặt dấu thanh theo hai kiểu: ${fewer.length} chữ theo kiểu ${style} (như "${fewer[0].word}"), ` +
                `còn lại theo kiểu ${other}. Hãy dùng một kiểu cho cả văn bản.`,
            { node: doc, range: edits[0].range },
            [{ title: `Đặt dấu theo kiểu ${other} cho cả văn bản`, edits }]
        );
    }

    checkNumberLineSpace(doc: Document, accept: ValidationAcceptor): void {
        const line = doc.numberLine;
        const base = propertyOffset(doc, 'numberLine');
        if (!line || base === undefined || !/^Số:(?=[^\s])/u.test(line)) return;
        report(
            accept,
            'thieu-dau-cach',
            'Thiếu dấu cách sau "Số:"; viết "Số: 12/CT-UBND".',
            { node: doc, range: rangeOf(doc, base, base + 4) },
            [{ title: 'Thêm dấu cách sau "Số:"', edits: [{ range: rangeOf(doc, base + 3, base + 3), newText: ' ' }] }]
        );
    }
}
