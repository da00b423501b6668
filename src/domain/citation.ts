import { findDates, type ViDate } from './dates.js';
import { parseDocNumber, type DocNumber } from './doc-number.js';
import { kindPrefixOf, type DocumentKind } from './tables.js';
import agencies from './data/agencies.json' with { type: 'json' };
import { memoByText } from './memo.js';
import { fold } from './fold.js';

/** A prior document as cited: loại, số/ký hiệu, ngày, cơ quan, trích yếu. */
export interface CitationInfo {
    /** The document kind as written ("Chỉ thị", or a misspelling such as "Chị thị"). */
    kindText: string;
    kind?: DocumentKind;
    docNumber?: DocNumber;
    date?: ViDate;
    issuer?: string;
    subject?: string;
    /** For a document cited by name without a number: the whole name. */
    name?: string;
}

/** Parses the parts of `[head number tail]`; head and tail are the text around the number. */
export function parseCitation(
    head: string | undefined,
    number: string | undefined,
    tail: string | undefined
): CitationInfo {
    const h = (head ?? '').replace(/\s+/g, ' ').trim();
    const kindText = number !== undefined ? h.replace(/\s*(?<![\p{L}\p{N}])số$/u, '').trim() : h;
    const kind = kindPrefixOf(kindText);
    const info: CitationInfo = { kindText: number !== undefined ? kindText : (kind?.name ?? kindText), kind };
    if (number !== undefined) info.docNumber = parseDocNumber(number);
    let rest = (tail ?? '').replace(/\s+/g, ' ').trim();
    if (number === undefined) {
        const cut = h.search(/\s(?:ngày|của|về)\s/u);
        info.name = (cut >= 0 ? h.slice(0, cut) : h).trim();
        rest = cut >= 0 ? h.slice(cut).trim() : '';
    }
    const dates = findDates(rest);
    const date = dates.find(d => d.form !== 'month');
    if (date) info.date = { ...date };
    const issuerMatch = /(?:^|\s)của\s+(.+?)(?=\s+về\s|,|;|$)/u.exec(rest);
    if (issuerMatch) info.issuer = issuerMatch[1].trim();
    const subjectMatch = /(?:^|\s)(về\s.+)$/u.exec(rest);
    if (subjectMatch) info.subject = subjectMatch[1].trim();
    return info;
}

const heads = (agencies.heads as string[])
    .slice()
    .sort((a, b) => b.length - a.length)
    .join('|');
// "Ban hành", "Phòng, chống" begin with a head word but name no body.
const NAMES_BODY = new RegExp(`(?<![\\p{L}])(?:${heads})(?![\\p{L}])(?!\\s*,|\\s+hành(?![\\p{L}]))`, 'u');

/**
 * Whether the sentence around a citation names a body that may have issued it ("Ủy ban nhân dân thị xã ban hành
 * [Công văn số …]", "… và 25/NQ-HĐND của Hội đồng nhân dân"). `sentence` holds no citation text (its codes are
 * no name).
 */
export function namesIssuer(sentence: string): boolean {
    return NAMES_BODY.test(sentence);
}

const CITATIONS = /\[[^\]\n]*\]/gu;
/** A clause that holds nothing but citations ("…; [Quyết định số 305/QĐ-STC]; [Quyết định số 306/QĐ-STC]"). */
const ONLY_CITATIONS = /^[\s,;*_()]*(?:(?:và|hoặc)(?![\p{L}])[\s,;*_()]*)*$/u;

/**
 * The sentence of `text` before `start`, from the last stop on its line; a list of citations separated by ";" goes
 * on the clause before it (the body and date that clause names are those of each citation in the list).
 */
export function sentenceBefore(text: string, start: number, end = start): string {
    const lineEnd = text.indexOf('\n', end);
    const before = text.slice(text.lastIndexOf('\n', start - 1) + 1, start),
        after = text.slice(end, lineEnd < 0 ? undefined : lineEnd);
    const stops = [...before.matchAll(/[.;!?](?=\s)/gu)].map(m => m.index!);
    const next = after.search(/[.;!?](?=\s|$)/u);
    const rest = (next < 0 ? after : after.slice(0, next)).replace(CITATIONS, ' ');
    let k = stops.length - 1;
    while (
        k >= 0 &&
        before[stops[k]] === ';' &&
        ONLY_CITATIONS.test(before.slice(stops[k] + 1).replace(CITATIONS, ' ') + rest)
    )
        k--;
    return before.slice(k < 0 ? 0 : stops[k] + 1);
}

/** The sentence of `text` around [start, end), citations (`[…]`) blanked. */
export function sentenceAround(text: string, start: number, end: number): string {
    const lineEnd = text.indexOf('\n', end);
    const after = text.slice(end, lineEnd < 0 ? undefined : lineEnd);
    const stop = after.search(/[.;!?](?=\s|$)/u);
    const sentence = sentenceBefore(text, start, end) + ' ' + (stop < 0 ? after : after.slice(0, stop));
    return sentence.replace(CITATIONS, ' ');
}

/** "Ngày 03/7/2025, Hội đồng nhân dân tỉnh ban hành [Nghị quyết số …]": the sentence dates the citation after it. */
const ISSUED_ON =
    /(?<![\p{L}])ngày\s+[0-9]{1,2}(?:\/[0-9]{1,2}\/[0-9]{4}|\s+tháng\s+[0-9]{1,2}\s+năm\s+[0-9]{4})\}?\s*,[^.;!?]*(?<![\p{L}])(?:ban hành|ký)(?:\s+các)?\s*$/iu;

/** Whether the sentence before a citation (`sentenceBefore`) gives the date it was issued. */
export function datesCitation(before: string): boolean {
    return ISSUED_ON.test(before.replace(CITATIONS, ' '));
}

/** Issuers compared as drafters write them: "UBND" = "Ủy ban nhân dân", "Uỷ" = "Ủy", case ignored. */
export const normaliseIssuer = memoByText((s: string): string =>
    s
        .normalize('NFC')
        .toLowerCase()
        .replace(/uỷ/g, 'ủy')
        .replace(/\bubnd\b/g, 'ủy ban nhân dân')
        .replace(/\bhđnd\b/g, 'hội đồng nhân dân')
        .replace(/\s+/g, ' ')
        .trim()
);

export function sameIssuer(a: string, b: string): boolean {
    return sameNormalisedIssuer(normaliseIssuer(a), normaliseIssuer(b));
}

const POSITION = new RegExp(
    `^(?:${(agencies.positions as string[]).map(p => p.toLowerCase()).join('|')})\\s+(?=\\S)`,
    'u'
);

export function sameNormalisedIssuer(x: string, y: string): boolean {
    if (x === y || x.startsWith(y + ' ') || y.startsWith(x + ' ')) return true;
    // The head of a body signs for it: "bộ trưởng bộ y tế" is "bộ y tế".
    const a = x.replace(POSITION, ''),
        b = y.replace(POSITION, '');
    if (a !== x || b !== y) return sameNormalisedIssuer(a, b);
    return abbreviates(x, y) || abbreviates(y, x);
}

/** Whether `short` writes some words of `long` as their initials ("bộ gdđt" for "bộ giáo dục và đào tạo"). */
function abbreviates(short: string, long: string): boolean {
    const s = fold(short).split(/\s+/),
        l = fold(long)
            .split(/\s+/)
            .filter(w => w !== 'va');
    if (s.length >= l.length) return false;
    let j = 0;
    for (const w of s) {
        if (l[j] === w) {
            j++;
            continue;
        }
        // w is the initials of the next |w| words.
        const next = l.slice(j, j + w.length);
        if (next.length !== w.length || next.map(x => x[0]).join('') !== w) return false;
        j += w.length;
    }
    return j === l.length;
}
