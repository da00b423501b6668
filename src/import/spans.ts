import { DOC_NUMBER_SOURCE } from '../domain/doc-number.js';
import { VI_NUMBER_SOURCE } from '../domain/numbers.js';
import { documentKinds, kindPrefixOf, unitPrefixOf } from '../domain/tables.js';
import phrases from '../domain/data/import-phrases.json' with { type: 'json' };

/**
 * The pieces of a line that import types: citations (written `[…]`), dates and periods, and quantities (`{…}`).
 * Each recogniser follows how Vietnamese administrative texts write the thing (NĐ 30/2020 Phụ lục I for dates and
 * citations; the words around a number for a quantity), not any one document.
 */
export interface Span {
    start: number;
    end: number;
    kind: 'cite' | 'value';
    what: 'citation' | 'date' | 'indicator';
}

const NUM = `(?:${VI_NUMBER_SOURCE})`;
const DATE =
    '(?:[0-9]{1,2}\\s*[/.-]\\s*[0-9]{1,2}\\s*[/.-]\\s*[0-9]{4}|[0-9]{1,2}\\s+tháng\\s+[0-9]{1,2}\\s+năm\\s+[0-9]{4})';
const DAY_MONTH =
    '(?:[0-9]{1,2}\\s+tháng\\s+[0-9]{1,2}|[0-9]{1,2}\\/[0-9]{1,2}(?![0-9/]))(?:\\s+(?:hằng|hàng) năm|\\s+của năm [^,.;()]{1,20})?';
const MONTH = '(?:tháng\\s+[0-9]{1,2}(?:\\s+năm\\s+|\\s*/\\s*)[0-9]{4})';
const KINDS = [...documentKinds.map(k => k.name), 'Chị thị'].sort((a, b) => b.length - a.length).join('|');
const words = (list: string[]) =>
    list
        .slice()
        .sort((a, b) => b.length - a.length)
        .join('|');

const CITATION = new RegExp(
    `(?<![\\p{L}])(?:${KINDS})\\s+(?:số\\s*:?\\s*)?(?:${DOC_NUMBER_SOURCE})(?![\\p{L}\\p{N}/-])` +
        `(?:,?\\s+ngày\\s+${DATE})?`,
    'gu'
);
const LAW = new RegExp(
    `(?<![\\p{L}])Luật\\s+(?:\\p{Lu}|sửa đổi)[^;.()\\[\\]{}“”*]{0,120}?` +
        `(?:\\s+số\\s*:?\\s*(?:${DOC_NUMBER_SOURCE})(?:,?\\s+ngày\\s+${DATE})?|\\s+ngày\\s+${DATE})`,
    'gu'
);
const NAMED = [
    /(?<![\p{L}])Nghị quyết Đại hội[^,.;()“”*[\]{}]{0,80}?lần thứ [IVXLC]+(?:\s+của\s+Đảng)?/gu,
    new RegExp(`(?<![\\p{L}])(?:${words(phrases.namedDocuments)})`, 'gu'),
    // A law by its name ("Luật Thi đua, khen thưởng", "… năm 2013"); "Luật này" is the text itself.
    new RegExp(
        `(?<![\\p{L}])Luật\\s+(?:sửa đổi, bổ sung một số điều của Luật\\s+)?(?:${words(phrases.laws)})(?![\\p{L}])` +
            '(?:\\s+(?:sửa đổi, bổ sung\\s+)?năm\\s+[0-9]{4})?',
        'giu'
    )
];
const ISSUER_STOP = new RegExp(`^(?:${words(phrases.issuerStops)})(?![\\p{L}])`, 'u');

/** The issuer written after a citation ("của Bộ Tài nguyên và Môi trường"): up to a verb, a preposition or a mark. */
function issuerEnd(text: string, at: number): number {
    const head = /^,?\s+của\s+/u.exec(text.slice(at));
    if (!head) return at;
    let end = at + head[0].length,
        last = at;
    const word = /\s*(-\s+)?([^\s,;.:()“”*[\]{}]+)/uy;
    for (let n = 0; n < 14; n++) {
        word.lastIndex = end;
        const m = word.exec(text);
        if (!m) break;
        const w = m[2],
            rest = text.slice(end).trimStart();
        // A stop word, or the kind of another document ("… của Bộ Nội vụ Quy định chi tiết … Quyết định số …").
        if (ISSUER_STOP.test(rest) || (last > at && kindPrefixOf(rest))) break;
        if (w === 'và' || w === 'với') {
            // "Bộ Tài nguyên và Môi trường" goes on; "… của UBND tỉnh và Kế hoạch số …" does not.
            const next = /^\s*(\S+)/u.exec(text.slice(end + m[0].length));
            if (!next || !/^\p{Lu}/u.test(next[1]) || kindPrefixOf(text.slice(end + m[0].length).trim())) break;
        }
        end += m[0].length;
        if (w !== 'và' && w !== 'với') last = end;
    }
    return last;
}

const TIME_START = `(?:ngày\\s+)?(?:${DATE}|[0-9]{1,2}(?=\\s+đến\\s+ngày\\s+[0-9]{1,2}\\s+tháng)|phát động|ký(?: ban hành)?|ban hành|nay)|${MONTH}|năm\\s+[0-9]{4}`;
const TIME_END = `(?:ngày\\s+)?(?:${DATE}|${DAY_MONTH})|${MONTH}|năm\\s+[0-9]{4}|khi\\s+[^,.;()\\[\\]{}]{3,80}`;
const TIME: RegExp[] = [
    new RegExp(`(?<![\\p{L}])(?:từ|kể từ)\\s+(?:${TIME_START})\\s+(?:đến|tới)\\s+(?:hết\\s+)?(?:${TIME_END})`, 'giu'),
    new RegExp(`(?<![\\p{L}])(?:từ|kể từ)\\s+ngày\\s+(?:${DATE}|ký(?: ban hành)?|ban hành)`, 'giu'),
    new RegExp(`(?<![\\p{L}])(?:${words(phrases.spanWords)})\\s+[0-9]{4}\\s*[-–]\\s*[0-9]{4}`, 'giu'),
    /(?<![\p{L}])kỷ niệm [0-9]+ (?:năm|ngày) [^()[\]{}]{0,140}?\((?:[0-9]{1,2}\/[0-9]{1,2}\/)?[0-9]{4}\s*[-–]\s*(?:[0-9]{1,2}\/[0-9]{1,2}\/)?[0-9]{4}\)/gu,
    /\((?:[0-9]{1,2}\/[0-9]{1,2}\/)?[0-9]{4}\s*[-–]\s*(?:[0-9]{1,2}\/[0-9]{1,2}\/)?[0-9]{4}\)/gu,
    /(?<![\p{L}])(?:(?:đến|tới|tầm nhìn đến) năm|tầm nhìn(?: đến)?(?: năm)?) [0-9]{4}(?![0-9])/giu,
    /(?<![\p{L}])định kỳ [^,.;]{1,40}?(?=\s+báo cáo|[,.;])/gu,
    new RegExp(
        `(?<![\\p{L}])(?:trước|chậm nhất(?: là)?|trước hoặc trong)\\s+(?:ngày\\s+)?(?:${DATE}|${DAY_MONTH})`,
        'giu'
    ),
    new RegExp(`(?<![\\p{L}])trong tháng\\s+[0-9]{1,2}\\s+(?:hằng|hàng) năm`, 'giu'),
    // "không quá 15/02 hằng năm": a latest date, not a quantity.
    /(?<![\p{L}])không (?:quá|muộn hơn) (?:ngày )?[0-9]{1,2}\/[0-9]{1,2}(?![0-9/]) (?:hằng|hàng) năm/giu,
    // A weekly or monthly rhythm: "vào ngày thứ Bảy hoặc Chủ nhật hàng tuần".
    /(?<![\p{L}])(?:vào )?(?:các )?(?:ngày )?(?:thứ (?:Hai|Ba|Tư|Năm|Sáu|Bảy)|Chủ nhật)(?:,? (?:và |hoặc )?(?:thứ (?:Hai|Ba|Tư|Năm|Sáu|Bảy)|Chủ nhật))* (?:hằng|hàng) tuần/gu,
    new RegExp(`(?<![\\p{L}])quý\\s+(?:I{1,3}|IV)(?![\\p{L}])(?:\\s*(?:năm\\s+|/)[0-9]{4})?`, 'giu'),
    new RegExp(`(?<![\\p{L}])ngày\\s+${DATE}`, 'giu'),
    new RegExp(`(?<![\\p{L}])${MONTH}`, 'gu')
];

const COMPARATOR = words(phrases.comparators);
const QUANTITY = new RegExp(
    `(?<![\\p{L}\\p{N}/.,])(?:(${COMPARATOR})\\s+)?([+]\\s?)?(${NUM})` +
        `(?:\\s*(?:-|–|đến)\\s*(?:dưới\\s+)?(${NUM}))?(?:\\s*/\\s*(${NUM})(?![\\p{N}/]))?(?![\\p{N}/])`,
    'giu'
);
const NOT_BEFORE = new RegExp(`(?:^|[^\\p{L}])(?:${words(phrases.notQuantityAfter)})\\s*$`, 'iu');

const number = (s: string) => Number(s.replace(/\./g, '').replace(',', '.'));

/**
 * The quantities of a text: a number with a unit, a percentage or a ratio, with its comparator ("không quá 05 cá
 * nhân").
 */
export function quantitiesOf(text: string): { start: number; end: number }[] {
    const out: { start: number; end: number }[] = [];
    QUANTITY.lastIndex = 0;
    for (let m = QUANTITY.exec(text); m; m = QUANTITY.exec(text)) {
        const before = text.slice(Math.max(0, m.index - 24), m.index);
        if (NOT_BEFORE.test(before)) continue;
        if (/^(?:19|20)[0-9]{2}$/.test(m[3]) && !m[4] && !m[5] && !/^\s*%/.test(text.slice(m.index + m[0].length)))
            continue;
        let end = m.index + m[0].length;
        const gap = /^\s*/.exec(text.slice(end))![0];
        const rest = text.slice(end + gap.length);
        if (rest.startsWith('%') || rest.startsWith('‰')) {
            end += gap.length + 1;
            const kept = /^\s+(?:trở lên|trở xuống)(?![\p{L}])/u.exec(text.slice(end));
            if (kept) end += kept[0].length;
        } else {
            const unit = unitPrefixOf(rest);
            if (unit && gap && (unit.info.kind !== 'duration' || m[1] || /^\S+\s+(?:liên tục|liền)/u.test(rest))) {
                end += gap.length + unit.form.length;
                const kept = /^\s+(?:liên tục|liền|trở lên|trở xuống|trở lại)(?![\p{L}])/u.exec(text.slice(end));
                if (kept) end += kept[0].length;
            } else if (!m[5] || /ngày\s*$/iu.test(before) || number(m[3]) > number(m[5])) continue;
        }
        const share = /^\s*\([0-9]+(?:[,.][0-9]+)?\s*%\)/u.exec(text.slice(end));
        if (share) end += share[0].length;
        out.push({ start: m.index, end });
        QUANTITY.lastIndex = end;
    }
    return out;
}

/** A table cell that holds only a quantity ("12", "95%", "21/21 (100%)", "+2 điểm"). */
export function isQuantityCell(text: string): boolean {
    const t = text.replace(/\*/g, '').trim();
    if (!/^[+\-−–]?\s*[0-9]/u.test(t) || /^(?:19|20)[0-9]{2}$/.test(t)) return false;
    return (
        new RegExp(`^[+\\-−–]?\\s*${NUM}(?:\\s*/\\s*${NUM})?\\s*(?:%|‰)?(?:\\s*\\(${NUM}\\s*%\\))?$`, 'u').test(t) ||
        quantitiesOf(t).some(q => q.start <= t.search(/[0-9]/) && q.end === t.length)
    );
}

/** Citations, dates and periods, and (in a list of targets) whole targets and quantities of one line. */
export function spansOf(text: string, indicatorContext: boolean, numbered: boolean): Span[] {
    const spans: Span[] = [];
    const free = (s: number, e: number) => !spans.some(x => s < x.end && e > x.start);
    const add = (start: number, end: number, kind: Span['kind'], what: Span['what']) => {
        if (end > start && free(start, end)) spans.push({ start, end, kind, what });
    };
    for (const re of [CITATION, LAW]) {
        re.lastIndex = 0;
        for (let m = re.exec(text); m; m = re.exec(text))
            add(m.index, issuerEnd(text, m.index + m[0].length), 'cite', 'citation');
    }
    for (const re of NAMED) {
        re.lastIndex = 0;
        for (let m = re.exec(text); m; m = re.exec(text))
            add(m.index, m.index + m[0].trimEnd().length, 'cite', 'citation');
    }
    for (const re of TIME) {
        re.lastIndex = 0;
        for (let m = re.exec(text); m; m = re.exec(text))
            add(m.index, m.index + m[0].replace(/[\s,]+$/, '').length, 'value', 'date');
    }
    const quantities = quantitiesOf(text).filter(q => free(q.start, q.end));
    if (numbered && (quantities.length || /(?<![\p{L}])đạt\s+(?:khá|tốt|xuất sắc|loại|chuẩn)/u.test(text))) {
        add(0, text.replace(/[.;\s]+$/, '').length, 'value', 'indicator');
    } else if (indicatorContext) {
        // Sentences and ";"-parts with a target, after a lead-in such as "như:".
        const lead = /(?:như|sau)\s*:\s*/u.exec(text);
        let from = lead ? lead.index + lead[0].length : 0;
        const has = (s: string) => quantitiesOf(s).length > 0;
        // ";" and sentences separate targets; so does ", " and "(Trong đó: …)" when both sides carry one.
        const parts = text
            .slice(from)
            .split(/(?<=[.;])\s+|;\s*|\s*\((?=Trong đó)|\)(?=\.?$)/u)
            .flatMap(p => {
                const comma = p.split(/,\s+(?!(?:tăng|giảm|bằng|thị trấn|phường|tổ dân phố|điểm)(?![\p{L}]))/u);
                return comma.length > 1 && comma.every(has) ? comma : [p];
            });
        for (const raw of parts) {
            const at = text.indexOf(raw, from);
            from = at + raw.length;
            const seg = raw.replace(/[.;\s]+$/, '');
            const start = at + (raw.length - raw.trimStart().length);
            if (seg.trim() && has(seg) && !/[[\]{}]/.test(seg)) add(start, at + seg.length, 'value', 'indicator');
        }
    }
    for (const q of quantities) add(q.start, q.end, 'value', 'indicator');
    return spans.sort((a, b) => a.start - b.start);
}
