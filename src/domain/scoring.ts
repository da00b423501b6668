import data from './data/table-columns.json' with { type: 'json' };
import type { Grid, GridCell } from './table-grid.js';

/**
 * A scoring table (thang điểm, bảng điểm chuẩn, bảng chấm điểm) read from a grid: each criterion's numbering,
 * maximum, bonus, deduction and scores, and its place in the hierarchy the numbering gives (I → 1 → 1.1, a → a1).
 */
export type ColumnRole = 'stt' | 'criterion' | 'max' | 'bonus' | 'deduction' | 'self' | 'assessed' | 'guide';

export interface Points {
    value: number;
    raw: string;
    cell: GridCell;
    signed: '+' | '-' | '';
}

export interface Criterion {
    /** The numbering as written ("I", "1", "1.2", "a", "a1"), without emphasis. */
    label: string;
    labelCell?: GridCell;
    /** The numbering's shape: roman, arabic, dotted2, letter, letter-digit …; '' for a row without numbering. */
    shape: string;
    text: string;
    max?: Points;
    bonus?: Points;
    deduction?: Points;
    self?: Points;
    assessed?: Points;
    guide?: string;
    parent?: Criterion;
    children: Criterion[];
    /** Rows without numbering under this criterion (its levels, notes). */
    details: Criterion[];
}

export interface ScoringTable {
    columns: Partial<Record<ColumnRole, number>>;
    criteria: Criterion[];
    roots: Criterion[];
    total?: Criterion;
}

const roles = data.roles as { role: ColumnRole; exact?: string[]; phrases?: string[] }[];
export const TOTAL_ROW = new RegExp(data.total, 'iu');
export const STATED_TOTAL = new RegExp(data.statedTotal, 'giu');
export const DEDUCTION_LIMIT = new RegExp(data.deductionLimit, 'iu');
export const BONUS_ALLOWED = new RegExp(data.bonusAllowed, 'iu');

/** The role of a column from its heading, or undefined. */
export function columnRole(heading: string): ColumnRole | undefined {
    const h = heading.replace(/\*/g, '').replace(/\s+/g, ' ').trim().toLowerCase();
    if (!h) return undefined;
    for (const r of roles) {
        if (r.exact?.includes(h.replace(/[.:]$/, ''))) return r.role;
        if (r.phrases?.some(p => new RegExp(`(?<![\\p{L}])${p}(?![\\p{L}])`, 'u').test(h))) return r.role;
    }
    return undefined;
}

export function roleLabel(role: ColumnRole): string {
    return data.roles.find(r => r.role === role)?.label ?? role;
}

/** The numbering's shape: items of one shape are siblings. */
/**
 * A label as compared: no closing "." or ")", no dot between a letter and its number ("b.2.5" → "b2.5"), lower case
 * letters.
 */
export function normalLabel(label: string): string {
    return label
        .replace(/[.)]$/, '')
        .trim()
        .replace(/^([a-zđA-ZĐ])\.(?=[0-9])/u, '$1');
}

export function numberingShape(label: string): string {
    const s = normalLabel(label);
    if (!s) return '';
    if (/^[IVXLC]+$/.test(s)) return 'roman';
    if (/^[0-9]+$/.test(s)) return 'arabic';
    if (/^[0-9]+(?:\.[0-9]+)+$/.test(s)) return `dotted${s.split('.').length}`;
    if (/^[a-zđ]$/.test(s)) return 'letter';
    if (/^[A-ZĐ]$/.test(s)) return 'upper-letter';
    if (/^[a-zđ][0-9]+$/iu.test(s)) return 'letter-digit';
    if (/^[a-zđ][0-9]+(?:\.[0-9]+)+$/iu.test(s)) return `letter-digit${s.split('.').length}`;
    return '';
}

const NUMBER = /([-−–+]?)\s*([0-9]+(?:[.,][0-9]+)?)/u;
const RANGE = /^\s*([0-9]+(?:[.,][0-9]+)?)\s*[-–]\s*([0-9]+(?:[.,][0-9]+)?)\s*(?:điểm)?\s*$/u;

/** The first number of a cell, with the sign written before it. */
export function pointsOf(cell: GridCell | undefined): Points | undefined {
    if (!cell) return undefined;
    const t = cell.text.replace(/\*/g, '');
    // "0-20": the criterion is scored from 0 up to 20, its maximum.
    const range = RANGE.exec(t);
    const [low, high] = range ? [range[1], range[2]].map(n => Number(n.replace(',', '.'))) : [];
    if (range && low < high) return { value: high, raw: range[2], cell, signed: '' };
    const m = NUMBER.exec(t);
    if (!m) return undefined;
    const sign = m[1] === '+' ? '+' : m[1] ? '-' : '';
    const value = Number(m[2].replace(',', '.')) * (sign === '-' ? -1 : 1);
    return { value, raw: m[0].trim(), cell, signed: sign };
}

/** The scoring table a grid holds, or undefined when its headings name no criterion and no maximum. */
export function readScoring(grid: Grid): ScoringTable | undefined {
    if (!grid.rows.some(r => r.header)) return undefined;
    const columns: Partial<Record<ColumnRole, number>> = {};
    grid.headings.forEach((h, c) => {
        const role = columnRole(h);
        if (role && columns[role] === undefined) columns[role] = c;
    });
    if (columns.max === undefined || columns.criterion === undefined) return undefined;
    const cellAt = (cells: GridCell[], col: number | undefined) =>
        col === undefined ? undefined : cells.find(x => x.col <= col && col < x.col + x.colSpan);
    const table: ScoringTable = { columns, criteria: [], roots: [] };
    const stack: Criterion[] = [];
    for (const row of grid.rows) {
        if (row.header) continue;
        const own = (col: number | undefined) => {
            const c = cellAt(row.cells, col);
            return c && c.row === row.row ? c : undefined;
        };
        const labelCell = own(columns.stt);
        const label = (labelCell?.text ?? '').replace(/\*/g, '').trim();
        const text = (own(columns.criterion)?.text ?? '').replace(/\*/g, '').trim();
        const criterion: Criterion = {
            label,
            labelCell,
            shape: numberingShape(label),
            text,
            max: pointsOf(own(columns.max)),
            bonus: pointsOf(own(columns.bonus)),
            deduction: pointsOf(own(columns.deduction)),
            self: pointsOf(own(columns.self)),
            assessed: pointsOf(own(columns.assessed)),
            guide: own(columns.guide)?.text,
            children: [],
            details: []
        };
        if (TOTAL_ROW.test(text) || TOTAL_ROW.test(label)) {
            table.total = criterion;
            continue;
        }
        if (!criterion.shape) {
            if (stack.length) stack[stack.length - 1].details.push(criterion);
            continue;
        }
        // "C" after "b" among letters is the letter c written in capitals, not the Roman hundred.
        const letters = stack.findIndex(c => c.shape === 'letter');
        if (
            letters >= 0 &&
            (criterion.shape === 'roman' || criterion.shape === 'upper-letter') &&
            label.replace(/[.)]$/, '').length === 1
        ) {
            const last = stack[letters];
            if (nextLabel(last.label, last.shape)?.toLowerCase() === normalLabel(label).toLowerCase())
                criterion.shape = 'letter';
        }
        const same = stack.findIndex(c => c.shape === criterion.shape);
        if (same >= 0) stack.length = same;
        criterion.parent = stack[stack.length - 1];
        (criterion.parent?.children ?? table.roots).push(criterion);
        stack.push(criterion);
        table.criteria.push(criterion);
    }
    return table;
}

/** The number that follows `label` in its sequence ("a" → "b", "1.2" → "1.3", "IV" → "V", "a1" → "a2"). */
export function nextLabel(label: string, shape = numberingShape(label)): string | undefined {
    const s = normalLabel(label);
    if (shape === 'roman') return toRoman(fromRoman(s) + 1);
    if (shape === 'arabic') return String(Number(s) + 1);
    if (shape.startsWith('dotted') || shape.startsWith('letter-digit'))
        return s.replace(/[0-9]+$/, n => String(Number(n) + 1));
    if (shape === 'letter' || shape === 'upper-letter') {
        const alphabet = /[a-zđ]/.test(s) ? 'abcdđeghiklmnopqrstuvxy' : 'ABCDĐEGHIKLMNOPQRSTUVXY';
        const i = alphabet.indexOf(s);
        return i >= 0 && i + 1 < alphabet.length ? alphabet[i + 1] : undefined;
    }
    return undefined;
}

/** The first label of a sequence of a shape under a parent ("a1" under "a", "1.1" under "1"). */
export function firstLabel(shape: string, parent?: string): string | undefined {
    if (shape === 'roman') return 'I';
    if (shape === 'arabic') return '1';
    if (shape === 'letter') return 'a';
    if (shape === 'upper-letter') return 'A';
    if ((shape.startsWith('dotted') || shape.startsWith('letter-digit')) && parent)
        return `${parent.replace(/[.)]$/, '')}${shape.startsWith('dotted') || shape !== 'letter-digit' ? '.' : ''}1`;
    return undefined;
}

const ROMANS: [number, string][] = [
    [100, 'C'],
    [90, 'XC'],
    [50, 'L'],
    [40, 'XL'],
    [10, 'X'],
    [9, 'IX'],
    [5, 'V'],
    [4, 'IV'],
    [1, 'I']
];

export function toRoman(n: number): string {
    let out = '';
    for (const [v, s] of ROMANS)
        while (n >= v) {
            out += s;
            n -= v;
        }
    return out;
}

export function fromRoman(s: string): number {
    const v: Record<string, number> = { I: 1, V: 5, X: 10, L: 50, C: 100 };
    let total = 0;
    for (let i = 0; i < s.length; i++) {
        const cur = v[s[i]] ?? 0,
            next = v[s[i + 1]] ?? 0;
        total += cur < next ? -cur : cur;
    }
    return total;
}

/** Sum of numbers without the floating-point noise of 0,1 + 0,2. */
export function sum(values: number[]): number {
    return Math.round(values.reduce((a, b) => a + b, 0) * 1000) / 1000;
}
