import { GrammarUtils, type AstNode, type ValidationAcceptor } from 'langium';
import indicatorsData from '../../../domain/data/indicators.json' with { type: 'json' };
import { formatViNumber, parseViNumber, VI_NUMBER_SOURCE, type ViNumber } from '../../../domain/numbers.js';
import { units } from '../../../domain/tables.js';
import type { Target } from '../../../domain/values.js';
import type { Document, Value } from '../../generated/ast.js';
import type { ThiduaDocumentModel } from '../../model/thidua-document-model.js';
import { propertyOffset, rangeOf, report, type Fix } from './rules.js';
import { fold } from '../../../domain/fold.js';

function distance(a: string, b: string): number {
    const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
    for (let j = 1; j <= b.length; j++) d[0][j] = j;
    for (let i = 1; i <= a.length; i++) {
        for (let j = 1; j <= b.length; j++) {
            d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
        }
    }
    return d[a.length][b.length];
}

const unitForms = units.flatMap(u => [u.unit, ...(u.aliases ?? [])]);

/** The known units closest to an unknown one (diacritics ignored). */
export function closestUnits(unit: string, max = 3): string[] {
    if (unit.length > 24) return [];
    const f = fold(unit);
    return unitForms
        .map(u => ({ u, d: distance(f, fold(u)) }))
        .filter(
            x =>
                x.d <= Math.max(1, Math.floor(f.length / 3)) ||
                fold(x.u).startsWith(f) ||
                (f.startsWith(fold(x.u)) && x.u.length > 1)
        )
        .sort((a, b) => a.d - b.d)
        .slice(0, max)
        .map(x => x.u);
}

const isShare = (t: Target) => {
    const name = `${t.name ?? ''} ${t.subject ?? ''}`.toLowerCase();
    return (
        indicatorsData.shareWords.some(w => name.includes(w)) &&
        !indicatorsData.notShareWords.some(w => name.includes(w))
    );
};

const numbersOf = (t: Target): ViNumber[] => {
    const q = t.quantity;
    if (!q) return [];
    if (q.kind === 'number') return [q.number];
    if (q.kind === 'range') return [q.low, q.high];
    if (q.kind === 'fraction') return [q.numerator, q.denominator];
    return [];
};

/** Indicators: shares ≤ 100%, fractions, ranges, baseline arithmetic, units, ids, numbering. */
export class IndicatorChecks {
    constructor(private readonly models: ThiduaDocumentModel) {}

    checkValue(value: Value, accept: ValidationAcceptor): void {
        const v = this.models.get(value).valueOf.get(value);
        if (!v || v.type !== 'indicator') return;
        for (const t of [...v.parts, ...v.sub]) this.checkTarget(value, t, accept);
        if (!value.indicator && [...v.parts, ...v.sub].every(t => !t.quantity)) {
            const year = /(?:năm|giai đoạn)\s+(?:19|20)[0-9]{2}/iu.test(v.raw)
                ? ' (số năm trong đó không phải số đo)'
                : '';
            report(
                accept,
                'gia-tri-cach-doc',
                `Giá trị này được hiểu là chỉ tiêu định tính, không có số đo${year}. Nếu là thời gian, hãy viết ` +
                    '"{từ ngày … đến ngày …}"; nếu là chỉ tiêu có số đo, hãy ghi số và đơn vị, ví dụ "đạt 95%".',
                { node: value, property: 'text' }
            );
        }
    }

    private checkTarget(value: Value, t: Target, accept: ValidationAcceptor): void {
        const q = t.quantity;
        const text = value.text ?? '';
        const base = propertyOffset(value, 'text') ?? 0;
        const locate = (s: string, from = 0): { start: number; end: number } | undefined => {
            const i = text.indexOf(s, Math.max(0, text.indexOf(t.raw.trim()) + from));
            return i < 0 ? undefined : { start: base + i, end: base + i + s.length };
        };
        const where = (s?: string) => {
            const r = s ? locate(s) : undefined;
            return r ? { node: value, range: rangeOf(value, r.start, r.end) } : { node: value, property: 'text' };
        };
        if (t.unit === '%' && q && isShare(t)) {
            const over = numbersOf(t).find(n => n.value > 100);
            if (over)
                report(
                    accept,
                    'chi-tieu-qua-100',
                    `Chỉ tiêu tỷ lệ hoặc mức giảm không thể vượt quá 100% (ở đây ${over.raw}%). Hãy kiểm tra lại số liệu.`,
                    where(over.raw)
                );
        }
        if (
            q?.kind === 'fraction' &&
            q.numerator.value > q.denominator.value &&
            !indicatorsData.scoreUnits.includes(t.unit ?? '')
        ) {
            report(
                accept,
                'chi-tieu-phan-so',
                `Số đạt (${q.numerator.raw}) lớn hơn tổng số (${q.denominator.raw}). Hãy kiểm tra lại, ví dụ "13/13 xã".`,
                where(`${q.numerator.raw}/${q.denominator.raw}`)
            );
        }
        if (q?.kind === 'range' && q.low.value > q.high.value) {
            report(
                accept,
                'chi-tieu-khoang',
                `Khoảng chỉ tiêu có cận dưới (${q.low.raw}) lớn hơn cận trên (${q.high.raw}). Hãy viết cận nhỏ trước, ví dụ "2-3 trường".`,
                where(q.low.raw)
            );
        }
        if (t.comparison && q?.kind === 'number' && t.unit)
            this.checkComparison(t, q.number.value, where(t.comparison.percent.raw), accept);
        if (t.unit && !t.unitInfo && t.unit !== '%') {
            const suggestions = closestUnits(t.unit);
            const loc = locate(t.unit);
            const fixes: Fix[] = loc
                ? suggestions.map(s => ({
                      title: `Dùng đơn vị "${s}"`,
                      edits: [{ range: rangeOf(value, loc.start, loc.end), newText: s }]
                  }))
                : [];
            report(
                accept,
                'don-vi-la',
                `Đơn vị "${t.unit}" chưa có trong bảng đơn vị${suggestions.length ? `; có phải là ${suggestions.map(s => `"${s}"`).join(', ')}?` : '.'} Nếu đúng là đơn vị cần dùng, hãy bổ sung vào bảng đơn vị.`,
                where(t.unit),
                fixes
            );
        }
        if (t.unitInfo?.kind === 'count') {
            for (const n of numbersOf(t).filter(x => x.ambiguous)) {
                const fixed = n.raw.replace(',', '.');
                const loc = locate(n.raw);
                report(
                    accept,
                    'so-mo-ho',
                    `"${n.raw} ${t.unit}" là số đếm nên không có phần thập phân; có phải là "${fixed}"? Trong tiếng Việt dấu chấm phân cách hàng nghìn, dấu phẩy phân cách phần thập phân.`,
                    where(n.raw),
                    loc
                        ? [
                              {
                                  title: `Viết "${fixed}"`,
                                  edits: [{ range: rangeOf(value, loc.start, loc.end), newText: fixed }]
                              }
                          ]
                        : []
                );
            }
        }
    }

    private checkComparison(
        t: Target,
        value: number,
        where: { node: Value; range?: ReturnType<typeof rangeOf> },
        accept: ValidationAcceptor
    ): void {
        const c = t.comparison!;
        const m = new RegExp(`(${VI_NUMBER_SOURCE})\\s*${t.unit!.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}`, 'u').exec(
            `${c.baseline} ${t.remark ?? ''}`
        );
        const baseline = m ? parseViNumber(m[1]) : undefined;
        if (!baseline || baseline.value === 0) return;
        const ratio = (value / baseline.value) * 100;
        const actual = c.direction === 'bằng' ? ratio : c.direction === 'tăng' ? ratio - 100 : 100 - ratio;
        const decimals = c.percent.raw.split(',')[1]?.length ?? 0;
        if (Math.abs(actual - c.percent.value) > 0.5 * 10 ** -decimals + 0.05) {
            report(
                accept,
                'chi-tieu-so-sanh',
                `${formatViNumber(value)} ${t.unit} so với ${baseline.raw} ${t.unit} là ${c.direction} ${formatViNumber(actual, Math.max(decimals, 1))}%, không phải ${c.percent.raw}%. Hãy kiểm tra lại số liệu.`,
                where
            );
        }
    }

    checkDocument(doc: Document, accept: ValidationAcceptor): void {
        const model = this.models.get(doc);
        const ids = new Map<string, Value>();
        for (const i of model.indicators) {
            if (!i.id) continue;
            if (ids.has(i.id)) {
                report(
                    accept,
                    'chi-tieu-trung-ma',
                    `Mã chỉ tiêu "#${i.id}" đã dùng cho một chỉ tiêu khác (dòng ${ids.get(i.id)!.$cstNode!.range.start.line + 1}). Hãy đặt mã khác.`,
                    { node: i.node, property: 'id' }
                );
            } else ids.set(i.id, i.node);
        }
        for (const i of model.indicators) {
            if (i.number === undefined) continue;
            // Numbering runs through the list the line belongs to, whether or not the lines before hold a target.
            const prev = previousNumber(i.node.$container);
            if (prev !== undefined && i.number !== 1 && i.number !== prev + 1) {
                const what =
                    i.number === prev
                        ? `lặp lại số ${prev}`
                        : i.number > prev + 1
                          ? `nhảy từ ${prev} lên ${i.number}`
                          : `quay về ${i.number} sau ${prev}`;
                const line = i.node.$container as {
                    mark?: string;
                    $cstNode?: { offset: number };
                } & Value['$container'];
                const markNode = GrammarUtils.findNodeForProperty(line.$cstNode, 'mark');
                const fixes: Fix[] = markNode
                    ? [
                          {
                              title: `Đánh lại số ${prev + 1}`,
                              edits: [
                                  { range: markNode.range, newText: markNode.text.replace(/^[0-9]+/, String(prev + 1)) }
                              ]
                          }
                      ]
                    : [];
                report(
                    accept,
                    'chi-tieu-danh-so',
                    `Số thứ tự chỉ tiêu ${what}; chỉ tiêu này phải là số ${prev + 1}.`,
                    { node: line, property: 'mark' },
                    fixes
                );
            }
        }
    }
}

const MARK_NUMBER = /^\**\(?([0-9]+)([.)])/;

/** The number of the nearest line before `line` in its list that is numbered the same way ("3." before "4."). */
function previousNumber(line: AstNode | undefined): number | undefined {
    const mark = (n: AstNode) => ('mark' in n && typeof n.mark === 'string' ? MARK_NUMBER.exec(n.mark.trim()) : null);
    const own = line && mark(line);
    const container = line?.$container as { items?: readonly AstNode[]; body?: readonly AstNode[] } | undefined;
    const list = container?.items ?? container?.body;
    if (!own || !list) return undefined;
    for (let k = list.indexOf(line) - 1; k >= 0; k--) {
        const m = list[k].$type === line.$type ? mark(list[k]) : null;
        if (m && m[2] === own[2]) return Number(m[1]);
    }
    return undefined;
}
