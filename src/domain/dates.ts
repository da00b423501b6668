/** A calendar date as written: `7/4/2014`, `07-4-2014`, `14.5.2011`, `ngày 05 tháng 01 năm 2023`. */
export interface ViDate {
    day?: number;
    month?: number;
    year?: number;
    raw: string;
    /** numeric `7/4/2014`; long `ngày … tháng … năm …`; month `tháng 12 năm 2023`. */
    form: 'numeric' | 'long' | 'month';
    separator?: '/' | '-' | '.';
}

export interface FoundDate extends ViDate {
    offset: number;
    length: number;
}

const NUMERIC = String.raw`(?:ngày\s+)?([0-9]{1,2})\s*([/.-])\s*([0-9]{1,2})\s*\2\s*([0-9]{4})`;
const LONG = String.raw`ngày\s*([0-9]{1,2})?\s*tháng\s*([0-9]{1,2})?\s*năm\s*([0-9]{4})?`;
const MONTH = String.raw`tháng\s+([0-9]{1,2})\s*(?:năm\s+|/)([0-9]{4})`;

const num = (s: string | undefined) => (s === undefined || s === '' ? undefined : Number(s));

function fromMatch(m: RegExpExecArray): ViDate {
    if (m[2] !== undefined) {
        return {
            day: Number(m[1]),
            month: Number(m[3]),
            year: Number(m[4]),
            raw: m[0],
            form: 'numeric',
            separator: m[2] as '/'
        };
    }
    if (m[8] === undefined) {
        return { day: num(m[5]), month: num(m[6]), year: num(m[7]), raw: m[0], form: 'long' };
    }
    return { month: Number(m[8]), year: Number(m[9]), raw: m[0], form: 'month' };
}

const ALL = new RegExp(`(?<![0-9/.-])(?:${NUMERIC})(?![0-9/])|${LONG}|${MONTH}`, 'giu');

export function parseDate(raw: string): ViDate | undefined {
    const s = raw.trim();
    const re = new RegExp(`^(?:${NUMERIC}|${LONG}|${MONTH})$`, 'iu');
    const m = re.exec(s);
    if (!m) return undefined;
    return { ...fromMatch(m), raw: s };
}

/** Every date written in `text`, with its offset. */
export function findDates(text: string): FoundDate[] {
    const out: FoundDate[] = [];
    ALL.lastIndex = 0;
    for (let m = ALL.exec(text); m; m = ALL.exec(text)) {
        if (m[0].trim() === '') continue;
        out.push({ ...fromMatch(m), offset: m.index, length: m[0].length });
    }
    return out;
}

export function isCompleteDate(d: ViDate): d is ViDate & { day: number; month: number; year: number } {
    return d.day !== undefined && d.month !== undefined && d.year !== undefined;
}

/** Two complete dates that name different days. */
export function differentDays(a: ViDate, b: ViDate): boolean {
    return isCompleteDate(a) && isCompleteDate(b) && (a.day !== b.day || a.month !== b.month || a.year !== b.year);
}

export function daysInMonth(year: number, month: number): number {
    return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** A real calendar date (no 31/02). Parts left blank in a draft are not judged. */
export function isRealDate(d: ViDate): boolean {
    if (d.month !== undefined && (d.month < 1 || d.month > 12)) return false;
    if (d.day !== undefined) {
        if (d.day < 1) return false;
        const max =
            d.month !== undefined && d.year !== undefined
                ? daysInMonth(d.year, d.month)
                : d.month !== undefined
                  ? daysInMonth(2024, d.month)
                  : 31;
        if (d.day > max) return false;
    }
    return true;
}

export function toIso(d: ViDate): string | undefined {
    if (d.year === undefined || d.month === undefined) return undefined;
    const mm = String(d.month).padStart(2, '0');
    if (d.day === undefined) return `${d.year}-${mm}`;
    return `${d.year}-${mm}-${String(d.day).padStart(2, '0')}`;
}

/** Days since 1970-01-01 for ordering; a month-only date counts as its last day when `end`. */
export function dayNumber(d: ViDate, end = false): number | undefined {
    if (d.year === undefined) return undefined;
    const month = d.month ?? (end ? 12 : 1);
    const day = d.day ?? (end ? daysInMonth(d.year, month) : 1);
    return Math.floor(Date.UTC(d.year, month - 1, day) / 86400000);
}

/** The official long form of NĐ 30/2020 Phụ lục I: leading zero for days < 10 and months 1, 2. */
export function longForm(d: ViDate): string {
    const day = d.day === undefined ? '   ' : String(d.day).padStart(2, '0');
    const month = d.month === undefined ? '   ' : d.month < 3 ? String(d.month).padStart(2, '0') : String(d.month);
    const year = d.year === undefined ? '' : String(d.year);
    return `ngày ${day} tháng ${month} năm ${year}`.trimEnd();
}

/** The numeric form used in citations: `07/4/2014`. */
export function shortForm(d: ViDate): string {
    if (!isCompleteDate(d)) return d.raw;
    const month = d.month < 3 ? String(d.month).padStart(2, '0') : String(d.month);
    return `${String(d.day).padStart(2, '0')}/${month}/${d.year}`;
}

/** A form's blanks ("……", "....", "___") read as left blank. */
export function blanksToSpaces(s: string): string {
    return s.replace(/[.…_]{2,}|…/gu, ' ');
}

/**
 * Where the date of a place-and-date line starts: after "Hà Nội, " or after a form's place left in dots ("…………ngày …").
 */
export function placeDateSplit(line: string): number {
    const comma = line.indexOf(', ngày');
    return comma >= 0 ? comma + 2 : Math.max(0, line.search(/ngày/u));
}
