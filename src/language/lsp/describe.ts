import { dayNumber, isCompleteDate, shortForm, type ViDate } from '../../domain/dates.js';
import { formatViNumber } from '../../domain/numbers.js';
import { numberToWords, weekdayOf } from '../../domain/number-words.js';
import type { IndicatorValue, PeriodEnd, Quantity, Target, TypedValue } from '../../domain/values.js';

/** Shared wording of editor answers (hover, inlay hints). */

const COMPARATOR_WORDS = { gt: 'trên', ge: 'từ … trở lên', lt: 'dưới', le: 'không quá' } as const;

export function quantityText(q: Quantity, unit = ''): string {
    const u = unit === '%' || unit === '‰' ? unit : unit ? ` ${unit}` : '';
    switch (q.kind) {
        case 'number':
            return `${q.number.raw}${u}`;
        case 'range':
            return `từ ${q.low.raw} đến ${q.high.raw}${u}`;
        case 'fraction':
            return `${q.numerator.raw} trên tổng số ${q.denominator.raw}${u}`;
        case 'qualitative':
            return q.text;
    }
}

function quantityWords(q: Quantity): string | undefined {
    if (q.kind === 'number') return numberToWords(q.number.value);
    if (q.kind === 'range') return `từ ${numberToWords(q.low.value)} đến ${numberToWords(q.high.value)}`;
    if (q.kind === 'fraction') return `${numberToWords(q.numerator.value)} trên ${numberToWords(q.denominator.value)}`;
    return undefined;
}

/** The baseline implied by "bằng/tăng/giảm p% so với …", and the change from it. */
export function impliedBaseline(t: Target): { baseline: number; change: number } | undefined {
    if (!t.comparison || t.quantity?.kind !== 'number') return undefined;
    const v = t.quantity.number.value,
        p = t.comparison.percent.value / 100;
    const factor = t.comparison.direction === 'bằng' ? p : t.comparison.direction === 'tăng' ? 1 + p : 1 - p;
    if (factor <= 0) return undefined;
    const baseline = v / factor;
    return { baseline, change: v - baseline };
}

export function targetLines(t: Target): string[] {
    const lines: string[] = [];
    if (t.quantity) {
        const cmp =
            t.comparator && t.quantity.kind !== 'qualitative'
                ? `${COMPARATOR_WORDS[t.comparator].split(' … ')[0]} `
                : '';
        const post = t.comparator === 'ge' && t.quantity.kind !== 'qualitative' ? ' trở lên' : '';
        const main = `${cmp}${quantityText(t.quantity, t.unit)}${post}`.replace(/^từ … trở lên /, 'từ ');
        const words = quantityWords(t.quantity);
        lines.push(
            `Mục tiêu: **${main}**${words ? ` (${words}${t.unit && t.unit !== '%' ? ' ' + t.unit : t.unit === '%' ? ' phần trăm' : ''})` : ''}`
        );
        if (t.quantity.kind === 'number' && t.unitInfo?.kind === 'money' && t.unitInfo.factor) {
            const dong = t.quantity.number.value * t.unitInfo.factor;
            const other =
                t.unitInfo.factor >= 1e9
                    ? `${formatViNumber(dong / 1e6)} triệu đồng`
                    : `${formatViNumber(dong / 1e9)} tỷ đồng`;
            lines.push(`Tương đương: ${other}`);
        }
        if (t.quantity.kind === 'fraction' && t.quantity.denominator.value > 0) {
            lines.push(
                `Tỷ lệ: ${formatViNumber((t.quantity.numerator.value / t.quantity.denominator.value) * 100, 1)}%`
            );
        }
    }
    const implied = impliedBaseline(t);
    if (t.comparison && implied) {
        const sign = implied.change >= 0 ? 'tăng' : 'giảm';
        lines.push(
            `So với ${t.comparison.baseline}: ${t.comparison.direction} ${t.comparison.percent.raw}% ⇒ kỳ gốc ≈ ${formatViNumber(implied.baseline, 2)} ${t.unit ?? ''}; ${sign} ${formatViNumber(Math.abs(implied.change), 2)} ${t.unit ?? ''}`.trim()
        );
    }
    if (t.remark) lines.push(`Ghi chú: ${t.remark}`);
    return lines;
}

export function indicatorMarkdown(v: IndicatorValue, number?: number, id?: string): string {
    const out: string[] = [];
    const parts = v.parts.length > 1 ? v.parts : [];
    const head = v.parts[0];
    const title = `**Chỉ tiêu${number !== undefined ? ` ${number}` : ''}${v.isSub ? ' (chỉ tiêu con)' : ''}**${id ? ` \`#${id}\`` : ''}`;
    out.push(`${title} — ${head?.name ?? head?.subject ?? v.raw}`);
    if (parts.length) {
        parts.forEach((p, i) =>
            out.push(
                `${i + 1}. ${p.name ? p.name + ': ' : ''}${targetLines(p).join('; ')}${p.subject ? ` — ${p.subject}` : ''}`
            )
        );
    } else if (head) {
        out.push(...targetLines(head));
        if (head.subject && head.name) out.push(`Đối tượng: ${head.subject}`);
    }
    for (const s of v.sub) out.push(`Trong đó: ${s.name ?? ''} — ${targetLines(s).join('; ')}`);
    return out.join('\n\n');
}

/** "Thứ Sáu, 31/12/2023 — còn 12 ngày" relative to `today`. */
export function dateMarkdown(d: ViDate, today: Date): string | undefined {
    if (!isCompleteDate(d)) return undefined;
    const day = dayNumber(d)!;
    const now = Math.floor(Date.UTC(today.getFullYear(), today.getMonth(), today.getDate()) / 86400000);
    const diff = day - now;
    const rel = diff === 0 ? 'hôm nay' : diff > 0 ? `còn ${diff} ngày` : `đã qua ${-diff} ngày`;
    return `**${weekdayOf(d.year, d.month, d.day)}, ${shortForm(d)}** — ${rel}`;
}

function endText(e: PeriodEnd | undefined): string {
    if (!e) return '…';
    switch (e.kind) {
        case 'now':
            return 'nay';
        case 'issuance':
            return 'ngày ban hành';
        case 'year':
            return String(e.year);
        case 'event':
            return `khi ${e.event!.replace(/^(?:khi|lúc)\s+/iu, '')} (không có ngày cụ thể)`;
        case 'date':
            return e.date ? (isCompleteDate(e.date) ? shortForm(e.date) : e.date.raw) : '…';
    }
}

/** How thidua read a value, in a few words: what the inlay hint after a { … } and the hover's first line say. */
export function readingLabel(v: TypedValue, round?: string): string {
    switch (v.type) {
        case 'period':
            return `${(v.round ?? round) ? `${v.round ?? round}: ` : 'thời gian: '}${endText(v.start)} → ${endText(v.end)}`;
        case 'deadline':
            return `hạn: ${v.date ? (isCompleteDate(v.date) ? shortForm(v.date) : v.date.raw) : 'chưa rõ ngày'}`;
        case 'date':
            return `ngày ${isCompleteDate(v.date) ? shortForm(v.date) : v.date.raw}`;
        case 'cadence':
            return `định kỳ: ${v.periods.join(', ')}`;
        case 'anniversary': {
            const years = [v.origin, v.anniversary].map(e => e?.date?.year ?? e?.year).filter(Boolean);
            return `kỷ niệm${v.count !== undefined ? ` ${v.count} ${v.countUnit ?? 'năm'}` : ''}${years.length === 2 ? ` (${years.join('–')})` : ''}`;
        }
        case 'indicator': {
            const parts = [...v.parts, ...v.sub].map(t => {
                if (!t.quantity) return 'định tính (không có số đo)';
                if (t.quantity.kind === 'qualitative') return `định tính: ${t.quantity.text}`;
                const cmp =
                    t.comparatorText && t.comparatorText !== 'trở lên' && t.comparatorText !== 'trở xuống'
                        ? `${t.comparatorText} `
                        : '';
                const post =
                    t.comparatorText === 'trở lên' || t.comparatorText === 'trở xuống' ? ` ${t.comparatorText}` : '';
                return `${cmp}${quantityText(t.quantity, t.unit)}${post}`;
            });
            return `chỉ tiêu: ${parts.join('; ')}`;
        }
    }
}
