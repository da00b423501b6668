import { parseViNumber, VI_NUMBER_SOURCE, type ViNumber } from './numbers.js';
import type { UnitInfo } from './tables.js';
import { parseTarget, type Quantity, type Target } from './values.js';

export type Status = 'vượt' | 'đạt' | 'không đạt';

/** A result as a report writes it: "đạt 23.000 triệu đồng, bằng 102,7% kế hoạch, vượt kế hoạch". */
export interface Result {
    raw: string;
    quantity?: Quantity;
    unit?: string;
    unitInfo?: UnitInfo;
    /** "bằng/đạt 102,7% kế hoạch" (or "so với kế hoạch", "chỉ tiêu"): the percentage the report states. */
    statedPercent?: { value: ViNumber; offset: number; length: number };
    /** "vượt", "đạt", "không đạt", "chưa đạt" as stated. */
    statedStatus?: { status: Status; offset: number; length: number };
}

const PERCENT = new RegExp(
    `(?:bằng|đạt|=)\\s+(${VI_NUMBER_SOURCE})\\s*%\\s*(?:so với\\s+)?(?:kế hoạch|KH|chỉ tiêu|mục tiêu|Nghị quyết)`,
    'iu'
);
const STATUS =
    /(?<![\p{L}])(không đạt|chưa đạt|vượt|hoàn thành vượt|đạt)(?:\s+(?:kế hoạch|chỉ tiêu|mục tiêu))?\s*\.?$/iu;

export function parseResult(text: string): Result {
    const result: Result = { raw: text };
    let rest = text;
    const status = STATUS.exec(rest);
    if (status && (status.index === 0 || /[,;(]\s*$/.test(rest.slice(0, status.index)))) {
        const word = status[1].toLowerCase();
        result.statedStatus = {
            status: word === 'chưa đạt' || word === 'không đạt' ? 'không đạt' : word.includes('vượt') ? 'vượt' : 'đạt',
            offset: status.index,
            length: status[0].trimEnd().length
        };
        rest = rest.slice(0, status.index).replace(/[,;(\s]+$/, '');
    }
    const pct = PERCENT.exec(rest);
    if (pct) {
        const value = parseViNumber(pct[1]);
        if (value) result.statedPercent = { value, offset: pct.index + pct[0].indexOf(pct[1]), length: pct[1].length };
        rest = rest.slice(0, pct.index).replace(/[,;(\s]+$/, '');
    }
    const t: Target = parseTarget(rest);
    result.quantity = t.quantity;
    result.unit = t.unit;
    result.unitInfo = t.unitInfo;
    return result;
}

const GRADES = ['yếu', 'trung bình', 'khá', 'tốt', 'xuất sắc'];

function grade(text: string): number | undefined {
    const t = text.toLowerCase();
    let best: number | undefined;
    GRADES.forEach((g, i) => {
        if (t.includes(g)) best = i;
    });
    return best;
}

export interface Evaluation {
    status: Status;
    /** Completion in % of the target (for "dưới"/"không quá" targets: target ÷ actual). */
    percent?: number;
    /** The actual value converted into the target's unit, where the units differ but convert exactly. */
    converted?: number;
    unitMismatch?: boolean;
}

function single(q: Quantity | undefined): number | undefined {
    if (!q) return undefined;
    if (q.kind === 'number') return q.number.value;
    if (q.kind === 'fraction') return q.numerator.value;
    if (q.kind === 'range') return q.low.value;
    return undefined;
}

function convert(value: number, from?: UnitInfo, to?: UnitInfo): number | undefined {
    if (!from || !to || from.unit === to.unit) return value;
    if (from.kind === to.kind && from.factor && to.factor) return (value * from.factor) / to.factor;
    return undefined;
}

/** Actual against target, respecting the target's comparator, range, fraction or grade. */
export function evaluate(target: Target, result: Result): Evaluation | undefined {
    const tq = target.quantity;
    if (!tq) return undefined;
    if (tq.kind === 'qualitative') {
        const want = grade(tq.text),
            got = grade(result.raw);
        if (want === undefined || got === undefined) return undefined;
        const orBetter = /trở lên/u.test(tq.text) || target.comparator === 'ge';
        return { status: got > want ? (orBetter ? 'vượt' : 'vượt') : got === want ? 'đạt' : 'không đạt' };
    }
    const raw = single(result.quantity);
    if (raw === undefined) return undefined;
    const sameUnit = (target.unit ?? '') === (result.unit ?? '') || !result.unit || !target.unit;
    const actual = sameUnit ? raw : convert(raw, result.unitInfo, target.unitInfo);
    if (actual === undefined) return { status: 'không đạt', unitMismatch: true };
    const converted = sameUnit ? undefined : actual;
    if (tq.kind === 'range') {
        const status: Status = actual > tq.high.value ? 'vượt' : actual >= tq.low.value ? 'đạt' : 'không đạt';
        return { status, percent: (actual / tq.low.value) * 100, converted };
    }
    const goal = tq.kind === 'fraction' ? tq.numerator.value : tq.number.value;
    if (target.comparator === 'lt' || target.comparator === 'le') {
        const met = target.comparator === 'lt' ? actual < goal : actual <= goal;
        return {
            status: met ? 'đạt' : 'không đạt',
            percent: actual === 0 ? undefined : (goal / actual) * 100,
            converted
        };
    }
    const met = target.comparator === 'gt' ? actual > goal : actual >= goal;
    const status: Status = !met ? 'không đạt' : actual > goal ? 'vượt' : 'đạt';
    return { status, percent: goal === 0 ? undefined : (actual / goal) * 100, converted };
}

/** "16/19 chỉ tiêu đạt và vượt" */
export function summary(statuses: (Status | undefined)[]): { met: number; total: number; text: string } {
    const met = statuses.filter(s => s === 'đạt' || s === 'vượt').length;
    return { met, total: statuses.length, text: `${met}/${statuses.length} chỉ tiêu đạt và vượt` };
}
