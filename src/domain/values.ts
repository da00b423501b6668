import { findDates, type ViDate } from './dates.js';
import { parseViNumber, VI_NUMBER_SOURCE, type ViNumber } from './numbers.js';
import { unitPrefixOf, type UnitInfo } from './tables.js';

/** One end of a period: "nay", the day of issuance/launch, a date, or a year. */
export interface PeriodEnd {
    /** `event`: ends when something happens ("đến khi tổ chức thành công Đại hội …"), no date. */
    kind: 'now' | 'issuance' | 'date' | 'year' | 'event';
    date?: ViDate;
    year?: number;
    event?: string;
}

/** `round`: the period of one round of the campaign ("Đợt 1: từ … đến …"). */
export interface PeriodValue {
    type: 'period';
    raw: string;
    start?: PeriodEnd;
    end?: PeriodEnd;
    round?: string;
}
export interface AnniversaryValue {
    type: 'anniversary';
    raw: string;
    /** The number of years celebrated, and the word written after it ("năm", or by mistake "ngày"). */
    count?: number;
    countUnit?: string;
    event: string;
    origin?: PeriodEnd;
    anniversary?: PeriodEnd;
}
export interface DateValue {
    type: 'date';
    raw: string;
    date: ViDate;
}
export interface DeadlineValue {
    type: 'deadline';
    raw: string;
    date?: ViDate;
}
export interface CadenceValue {
    type: 'cadence';
    raw: string;
    periods: string[];
}

export type Comparator = 'gt' | 'ge' | 'lt' | 'le';

export type Quantity =
    | { kind: 'number'; number: ViNumber }
    | { kind: 'range'; low: ViNumber; high: ViNumber }
    | { kind: 'fraction'; numerator: ViNumber; denominator: ViNumber }
    | { kind: 'qualitative'; text: string };

/** One typed target: "trên 3.250 người", "13/13 xã, thị trấn", "790 tỷ đồng, tăng 14,38% so …". */
export interface Target {
    raw: string;
    name?: string;
    subject?: string;
    verb?: string;
    comparator?: Comparator;
    comparatorText?: string;
    quantity?: Quantity;
    unit?: string;
    unitInfo?: UnitInfo;
    comparison?: { direction: 'tăng' | 'giảm' | 'bằng'; percent: ViNumber; baseline: string };
    remark?: string;
}

export interface IndicatorValue {
    type: 'indicator';
    raw: string;
    /** Compound targets are separated by ";" */
    parts: Target[];
    /** "…, trong đó …" */
    sub: Target[];
    /** The whole value begins with "Trong đó": a sub-indicator of the one before. */
    isSub: boolean;
}

export type TypedValue = PeriodValue | AnniversaryValue | DateValue | DeadlineValue | CadenceValue | IndicatorValue;

const NUM = `(?:${VI_NUMBER_SOURCE})`;
const ROUND_HEAD = /^((?:đợt|giai đoạn|vòng)\s+(?:[0-9]{1,2}|[IVX]{1,4})(?![0-9]))\s*[:,–-]?\s*/iu;

export function parseValue(text: string): TypedValue {
    const raw = text;
    const t = text.replace(/\s+/g, ' ').trim();
    const lower = t.toLowerCase();
    // A quoted anniversary (“Kỷ niệm 80 năm ngày …”) is an anniversary.
    const unquoted = t.replace(/^[“"'‘(]+\s*/u, '').replace(/\s*[”"'’]+$/u, '');
    if (/^(?:chào mừng )?(?:kỷ niệm|kỉ niệm)(?![\p{L}\p{N}])/u.test(unquoted.toLowerCase()))
        return parseAnniversary(unquoted, raw);
    const round = ROUND_HEAD.exec(t);
    if (round && /^(?:từ|kể từ|trong|năm|[0-9])/iu.test(t.slice(round[0].length))) {
        return {
            ...parsePeriod(t.slice(round[0].length), raw),
            round: round[1].charAt(0).toUpperCase() + round[1].slice(1)
        };
    }
    if (/^(?:đến|tới|tầm nhìn đến)\s/u.test(lower))
        return { type: 'period', raw, end: periodEnd(t.replace(/^\S+(?:\s+đến)?\s+/u, ''), true) };
    if (
        /^(?:từ|kể từ|giai đoạn|nhiệm kỳ|năm học|niên khóa|niên độ|khóa học|quý|trong năm|trong tháng|năm [0-9]{4}$)/u.test(
            lower
        ) ||
        /^[0-9]{4}\s*[-–]\s*[0-9]{4}$/.test(t) ||
        /^\(?[0-9/.]+\s*[-–]\s*[0-9/.]+\)?$/.test(t)
    ) {
        return parsePeriod(t, raw);
    }
    if (/^(?:định kỳ|hằng|hàng)(?![\p{L}\p{N}])/u.test(lower) || /(?:hằng|hàng) (?:tuần|tháng|quý)$/u.test(lower)) {
        return {
            type: 'cadence',
            raw,
            periods: t
                .replace(/^định kỳ\s*/iu, '')
                .split(/\s*(?:,|và|hoặc)\s*/u)
                .filter(Boolean)
        };
    }
    if (
        /^(?:trước|chậm nhất|hạn|trước hoặc trong)(?![\p{L}\p{N}])/u.test(lower) ||
        /^không (?:quá|muộn hơn) (?:ngày )?[0-9]{1,2}\/[0-9]{1,2}(?![0-9])/u.test(lower)
    ) {
        return { type: 'deadline', raw, date: findDates(t).find(d => d.form !== 'month') ?? findDates(t)[0] };
    }
    const dates = findDates(t);
    if (dates.length === 1 && dates[0].length >= t.length - 1) return { type: 'date', raw, date: dates[0] };
    return parseIndicator(t, raw);
}

function periodEnd(text: string, end: boolean): PeriodEnd | undefined {
    const s = text.trim().toLowerCase();
    if (end && /^(?:khi|lúc)(?![\p{L}])/u.test(s)) return { kind: 'event', event: text.trim().replace(/[.;]$/, '') };
    if (/(?<![\p{L}\p{N}])nay(?![\p{L}\p{N}])/u.test(s)) return { kind: 'now' };
    if (/phát động|ban hành|ký/u.test(s)) return { kind: 'issuance' };
    const d = findDates(text)[0];
    if (d) return { kind: 'date', date: d };
    const y = /(?<![\p{L}\p{N}])([0-9]{4})(?![\p{L}\p{N}])/u.exec(text);
    if (y) return { kind: 'year', year: Number(y[1]) };
    if (end && /^(?:kết thúc|hoàn thành)(?![\p{L}])/u.test(s))
        return { kind: 'event', event: text.trim().replace(/[.;]$/, '') };
    return undefined;
}

export function parsePeriod(t: string, raw = t): PeriodValue {
    const body = t.replace(/^\(|\)$/g, '');
    let parts = body.split(/\s+(?:đến|tới)\s+(?:hết\s+)?/iu);
    if (parts.length < 2) parts = body.split(/\s*[-–]\s*(?=[0-9])/u);
    if (parts.length < 2) {
        const single = periodEnd(body, false);
        return { type: 'period', raw, start: single, end: single };
    }
    return { type: 'period', raw, start: periodEnd(parts[0], false), end: periodEnd(parts.slice(1).join(' '), true) };
}

function parseAnniversary(t: string, raw: string): AnniversaryValue {
    const m = /(?:kỷ niệm|kỉ niệm)\s+(?:lần thứ\s+)?([0-9]+)\s+(năm|ngày)\s*(.*)$/iu.exec(t);
    const value: AnniversaryValue = { type: 'anniversary', raw, event: t };
    if (!m) return value;
    value.count = Number(m[1]);
    value.countUnit = m[2];
    let rest = m[3];
    const paren = /\(([^()]*)\)\s*$/.exec(rest);
    if (paren) {
        const p = parsePeriod(paren[1]);
        value.origin = p.start;
        value.anniversary = p.end;
        rest = rest.slice(0, paren.index);
    }
    value.event = rest.trim();
    return value;
}

const COMPARATORS: [RegExp, Comparator][] = [
    [/^(?:không dưới|không thấp hơn|tối thiểu|ít nhất|từ)$/iu, 'ge'],
    [/^(?:không quá|tối đa|không vượt quá)$/iu, 'le'],
    [/^(?:trên|hơn|>)$/iu, 'gt'],
    [/^(?:dưới|<)$/iu, 'lt'],
    [/^≥$/u, 'ge'],
    [/^≤$/u, 'le']
];
const COMPARATOR_WORDS =
    '(?:không dưới|không thấp hơn|không vượt quá|không quá|tối thiểu|tối đa|ít nhất|trên|dưới|hơn|từ|≥|≤|>|<)';
const VERBS = '(?:đạt|là|có|còn|tăng thêm|tăng|giảm còn|giảm|mới)';

function comparatorOf(word: string | undefined): Comparator | undefined {
    if (!word) return undefined;
    return COMPARATORS.find(([re]) => re.test(word.trim()))?.[1];
}

export function parseIndicator(t: string, raw = t): IndicatorValue {
    let text = t;
    const isSub = /^trong đó(?![\p{L}\p{N}])/iu.test(text);
    if (isSub) text = text.replace(/^trong đó\s*:?\s*/iu, '');
    const subCut = text.search(/,\s*trong đó(?![\p{L}\p{N}])/iu);
    let subText: string | undefined;
    if (subCut >= 0) {
        subText = text.slice(subCut).replace(/^,\s*trong đó\s*:?\s*/iu, '');
        text = text.slice(0, subCut);
    }
    return {
        type: 'indicator',
        raw,
        isSub,
        parts: text
            .split(/\s*;\s*/)
            .filter(p => p.trim() !== '')
            .map(parseTarget),
        sub: subText
            ? subText
                  .split(/\s*;\s*/)
                  .filter(Boolean)
                  .map(parseTarget)
            : []
    };
}

const QUANTITY = new RegExp(
    `(?:(${VERBS})\\s+)?(?:(${COMPARATOR_WORDS})\\s*)?(${NUM})(?:\\s*(?:-|–|đến)\\s*(${NUM}))?(?:\\s*/\\s*(${NUM}))?`,
    'giu'
);

export function parseTarget(text: string): Target {
    const target: Target = { raw: text };
    let s = text.trim().replace(/[.;]$/, '');
    const remark = /\s*\(([^()]*)\)\s*$/.exec(s);
    if (remark) {
        target.remark = remark[1].trim();
        s = s.slice(0, remark.index);
    }
    const cmp = new RegExp(`,?\\s*(tăng|giảm|bằng)\\s+(${NUM})\\s*%\\s*so\\s+(?:với\\s+)?(.+)$`, 'iu').exec(s);
    if (cmp) {
        const percent = parseViNumber(cmp[2]);
        if (percent)
            target.comparison = { direction: cmp[1].toLowerCase() as 'tăng', percent, baseline: cmp[3].trim() };
        s = s.slice(0, cmp.index);
    }
    let valueText = s;
    let prefix = '';
    const colon = s.lastIndexOf(':');
    // "Tên chỉ tiêu: giá trị"; a colon that ends the text ("… tại địa chỉ:") introduces what follows the value.
    if (colon >= 0 && /[0-9]/.test(s.slice(colon + 1))) {
        prefix = s.slice(0, colon);
        valueText = s.slice(colon + 1);
    }
    const found = pickQuantity(valueText);
    if (found) {
        const before = (prefix ? prefix : valueText.slice(0, found.index)).trim();
        const between = prefix ? valueText.slice(0, found.index).trim() : '';
        target.name = before.replace(/\s*:$/, '') || undefined;
        if (between) target.verb = between;
        if (found.verb) target.verb = found.verb;
        target.comparator = comparatorOf(found.comparatorText);
        target.comparatorText = found.comparatorText;
        target.quantity = found.quantity;
        let after = valueText.slice(found.index + found.length);
        if (found.unit) {
            target.unit = found.unit.form;
            target.unitInfo = found.unit.info;
            after = after.slice(found.unitOffset + found.unit.form.length);
        } else {
            // A unit is a short word ("cây", "lượt"); a longer run of letters is not one.
            const unknown = /^\s+([A-Za-zÀ-ỹĐđ/]{1,24})(?![A-Za-zÀ-ỹĐđ/])/u.exec(after);
            if (unknown && !/^(?:trở|so|và|đạt|của|trong|tại|ở)$/u.test(unknown[1])) {
                target.unit = unknown[1];
                after = after.slice(unknown[0].length);
            }
        }
        const post = /^\s*(trở lên|trở xuống)/iu.exec(after);
        if (post) {
            target.comparator = /lên/u.test(post[1]) ? 'ge' : 'le';
            target.comparatorText = post[1];
            after = after.slice(post[0].length);
        } else {
            const later = /(?<![\p{L}\p{N}])trở lên(?![\p{L}\p{N}])/iu.exec(after);
            if (later && !target.comparator) {
                target.comparator = 'ge';
                target.comparatorText = 'trở lên';
            }
        }
        const subject = after.trim().replace(/^[,:]\s*/, '');
        if (subject) target.subject = subject;
        return target;
    }
    const qual = /^(.*?)\s*(?<![\p{L}\p{N}])đạt\s+(.+)$/iu.exec(s);
    // A qualitative target names a grade ("đạt khá trở lên", "đạt loại tốt", "đạt chuẩn"); "đã đạt được" is not one.
    if (qual && /(?<![\p{L}])(?:yếu|trung bình|khá|tốt|xuất sắc|chuẩn|loại|trở lên)(?![\p{L}])/iu.test(qual[2])) {
        target.name = qual[1].replace(/:$/, '').trim() || undefined;
        target.verb = 'đạt';
        const q = qual[2].trim();
        target.quantity = { kind: 'qualitative', text: q };
        if (/trở lên$/iu.test(q)) target.comparator = 'ge';
        return target;
    }
    target.name = s.trim();
    return target;
}

interface FoundQuantity {
    index: number;
    length: number;
    verb?: string;
    comparatorText?: string;
    quantity: Quantity;
    unit?: { form: string; info: UnitInfo };
    unitOffset: number;
}

/** A number that is a year ("năm 2025") or part of a date: not a quantity to reach. */
function isTimeNumber(
    text: string,
    start: number,
    length: number,
    dates: { offset: number; length: number }[]
): boolean {
    if (dates.some(d => start >= d.offset && start < d.offset + d.length)) return true;
    const digits = text.slice(start, start + length).trim();
    return /^(?:19|20)[0-9]{2}$/.test(digits) && /(?:năm|giai đoạn|nhiệm kỳ|[-–])\s*$/iu.test(text.slice(0, start));
}

function pickQuantity(text: string): FoundQuantity | undefined {
    QUANTITY.lastIndex = 0;
    const candidates: FoundQuantity[] = [];
    const dates = findDates(text);
    for (let m = QUANTITY.exec(text); m; m = QUANTITY.exec(text)) {
        const start = m.index;
        if (!m[1] && !m[2] && !m[4] && !m[5] && isTimeNumber(text, start, m[0].length, dates)) continue;
        const prev = start > 0 ? text[start - 1] : ' ';
        if (/[0-9A-Za-zÀ-ỹĐđ/.,]/u.test(prev) && !m[1] && !m[2]) continue;
        const first = parseViNumber(m[3]);
        if (!first) continue;
        let quantity: Quantity = { kind: 'number', number: first };
        const high = m[4] ? parseViNumber(m[4]) : undefined;
        const den = m[5] ? parseViNumber(m[5]) : undefined;
        if (high) quantity = { kind: 'range', low: first, high };
        else if (den) quantity = { kind: 'fraction', numerator: first, denominator: den };
        const rest = text.slice(start + m[0].length);
        const lead = /^\s*/.exec(rest)![0].length;
        let unit = unitPrefixOf(rest.slice(lead));
        if (unit && (unit.form === '%' || unit.form === '‰') === false && lead === 0) unit = undefined;
        if (unit && (unit.form === '%' || unit.form === '‰') && lead > 1) unit = undefined;
        candidates.push({
            index: start,
            length: m[0].length,
            verb: m[1],
            comparatorText: m[2],
            quantity,
            unit,
            unitOffset: lead
        });
    }
    return candidates.find(c => c.unit || c.quantity.kind === 'fraction') ?? candidates[candidates.length - 1];
}
