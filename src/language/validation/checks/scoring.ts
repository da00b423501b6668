import type { ValidationAcceptor } from 'langium';
import {
    BONUS_ALLOWED,
    DEDUCTION_LIMIT,
    firstLabel,
    nextLabel,
    normalLabel,
    STATED_TOTAL,
    sum,
    type Criterion,
    type Points,
    type ScoringTable
} from '../../../domain/scoring.js';
import type { GridCell } from '../../../domain/table-grid.js';
import { formatViNumber } from '../../../domain/numbers.js';
import { isTextPart, type Table, type TableCell } from '../../generated/ast.js';
import type { TableEntry, ThiduaDocumentModel } from '../../model/thidua-document-model.js';
import { rangeOf, report, type Fix, type Where } from './rules.js';

const show = (n: number) => formatViNumber(n);

function name(c: Criterion): string {
    const text = c.text.length > 48 ? `${c.text.slice(0, 45).trimEnd()}…` : c.text;
    return c.label ? `${c.label}. ${text}` : text;
}

/** Scoring tables (thang điểm, bảng chấm điểm): sums, the stated total, deductions, numbering, self-scores. */
export class ScoringChecks {
    constructor(private readonly models: ThiduaDocumentModel) {}

    checkTable(table: Table, accept: ValidationAcceptor): void {
        const entry = this.models.get(table).tables.find(t => t.node === table);
        const scoring = entry?.scoring;
        if (!entry || !scoring) return;
        const at = (cell: GridCell | undefined): TableCell | undefined => cell && entry.cellNode.get(cell);
        this.checkGroups(scoring, at, accept);
        this.checkTotal(entry, scoring, at, accept);
        this.checkDeductions(entry, scoring, at, accept);
        this.checkNumbering(scoring, at, accept);
        this.checkScores(scoring, at, accept);
    }

    private checkGroups(s: ScoringTable, at: CellOf, accept: ValidationAcceptor): void {
        for (const parent of s.criteria) {
            const kids = parent.children.filter(k => k.max);
            if (!parent.max || kids.length < 2 || kids.length !== parent.children.length) continue;
            const values = kids.map(k => k.max!.value);
            const total = sum(values);
            // Levels to choose from (10, 8, 6 under 10) are alternatives, not parts.
            if (total > parent.max.value && Math.max(...values) === parent.max.value) continue;
            if (total === parent.max.value) continue;
            report(
                accept,
                'bang-diem-tong-nhom',
                `Tiêu chí "${name(parent)}" có điểm chuẩn ${show(parent.max.value)} nhưng các tiêu chí con cộng lại được ${show(total)} ` +
                    `(${kids.map(k => `${k.label}: ${show(k.max!.value)}`).join('; ')}). Hãy sửa điểm chuẩn của tiêu chí ${parent.label} thành ` +
                    `${show(total)} hoặc sửa điểm các tiêu chí con.`,
                where(parent.max, at),
                replaceFix(parent.max, show(total), at, `Sửa điểm chuẩn thành ${show(total)}`)
            );
        }
    }

    private checkTotal(entry: TableEntry, s: ScoringTable, at: CellOf, accept: ValidationAcceptor): void {
        const roots = s.roots.filter(r => r.max);
        if (!roots.length || roots.length !== s.roots.length) return;
        const total = sum(roots.map(r => r.max!.value));
        const row = s.total?.max;
        // A group whose own sum is wrong is one mistake, reported on the group: the total is judged by the parts.
        const byParts = sum(
            roots.map(r =>
                r.children.length && r.children.every(k => k.max)
                    ? sum(r.children.map(k => k.max!.value))
                    : r.max!.value
            )
        );
        if (row && row.value !== total && row.value !== byParts) {
            report(
                accept,
                'bang-diem-tong',
                `Dòng tổng cộng ghi ${show(row.value)} điểm nhưng các nhóm tiêu chí cộng lại được ${show(total)} điểm ` +
                    `(${roots.map(r => `${r.label}: ${show(r.max!.value)}`).join('; ')}). Hãy sửa dòng tổng cộng hoặc điểm các nhóm.`,
                where(row, at),
                replaceFix(row, show(total), at, `Sửa tổng cộng thành ${show(total)}`)
            );
        }
        STATED_TOTAL.lastIndex = 0;
        const stated = STATED_TOTAL.exec(entry.lead);
        if (stated) {
            const value = Number(stated[1].replace(',', '.'));
            if (value !== total && (!row || row.value === total)) {
                const cell = row ?? roots[0].max!;
                report(
                    accept,
                    'bang-diem-tong',
                    `Văn bản nêu "${stated[0]}" nhưng các nhóm tiêu chí trong bảng cộng lại được ${show(total)} điểm. ` +
                        `Hãy sửa cho thống nhất giữa lời văn và bảng.`,
                    where(cell, at)
                );
            }
        }
    }

    private checkDeductions(entry: TableEntry, s: ScoringTable, at: CellOf, accept: ValidationAcceptor): void {
        const all = [...s.criteria, ...s.criteria.flatMap(c => c.details)];
        for (const c of all) {
            if (c.deduction?.signed === '+') {
                report(
                    accept,
                    'bang-diem-tru',
                    `Điểm trừ của tiêu chí "${name(c)}" ghi dấu cộng (${c.deduction.raw}). Hãy ghi số trừ không dấu hoặc dấu trừ.`,
                    where(c.deduction, at),
                    replaceFix(c.deduction, `-${c.deduction.raw.replace(/^\+\s*/, '')}`, at, 'Ghi dấu trừ')
                );
            }
            const limit = DEDUCTION_LIMIT.exec(`${c.text} ${c.guide ?? ''}`);
            if (!limit) continue;
            const max = Number(limit[1].replace(',', '.'));
            const kids = c.children.filter(k => k.deduction);
            const used = c.deduction ? Math.abs(c.deduction.value) : sum(kids.map(k => Math.abs(k.deduction!.value)));
            const cell = c.deduction ?? kids[0]?.deduction;
            if (cell && used > max) {
                report(
                    accept,
                    'bang-diem-tru',
                    `Tiêu chí "${name(c)}" cho trừ tối đa ${show(max)} điểm nhưng bảng ghi trừ ${show(used)} điểm. ` +
                        'Hãy giảm điểm trừ cho đúng mức tối đa.',
                    where(cell, at)
                );
            }
        }
        // A limit said of the whole table is compared with the deductions the total row adds up.
        const overall = DEDUCTION_LIMIT.exec(entry.lead);
        const written = s.total?.deduction;
        if (overall && written && Math.abs(written.value) > Number(overall[1].replace(',', '.'))) {
            report(
                accept,
                'bang-diem-tru',
                `Dòng tổng cộng ghi trừ ${show(Math.abs(written.value))} điểm, vượt mức "${overall[0]}". ` +
                    'Hãy sửa cho đúng mức trừ tối đa.',
                where(written, at)
            );
        }
    }

    private checkNumbering(s: ScoringTable, at: CellOf, accept: ValidationAcceptor): void {
        const lists = [s.roots, ...s.criteria.map(c => c.children)];
        // A table graded against criteria set elsewhere keeps their numbers: those not graded here leave gaps.
        const graded = s.criteria.some(c => c.self || c.assessed);
        for (const list of lists) {
            list.forEach((c, i) => {
                const expected =
                    i === 0
                        ? firstLabel(c.shape, c.parent?.label)
                        : list[i - 1].shape === c.shape
                          ? nextLabel(list[i - 1].label, list[i - 1].shape)
                          : undefined;
                const own = c.label.replace(/[.)]$/, '');
                if (!expected || normalLabel(own).toLowerCase() === normalLabel(expected).toLowerCase() || !c.labelCell)
                    return;
                if (i === 0 && !(c.shape.startsWith('dotted') || c.shape.startsWith('letter-digit'))) return;
                if (graded && skipsTo(expected, own, c.shape)) return;
                const node = at(c.labelCell);
                if (!node) return;
                const place = numberAt(node, own);
                report(
                    accept,
                    'bang-diem-danh-so',
                    i === 0
                        ? `Số thứ tự "${own}" không khớp với tiêu chí "${c.parent?.label}" chứa nó: tiêu chí con đầu tiên phải là "${expected}".`
                        : `Số thứ tự "${own}" không liền mạch: sau "${list[i - 1].label.replace(/[.)]$/, '')}" phải là "${expected}".`,
                    place ? { node, range: rangeOf(node, place.start, place.end) } : { node },
                    labelFix(node, own, expected)
                );
            });
        }
    }

    private checkScores(s: ScoringTable, at: CellOf, accept: ValidationAcceptor): void {
        for (const key of ['self', 'assessed'] as const) {
            const label = key === 'self' ? 'Điểm tự chấm' : 'Điểm thẩm định';
            for (const c of s.criteria) {
                const score = c[key];
                if (!score || !c.max) continue;
                const bonus = c.bonus?.value ?? 0;
                const allowed = c.max.value + (bonus > 0 ? bonus : 0);
                if (score.value > allowed && !(bonus === 0 && BONUS_ALLOWED.test(`${c.text} ${c.guide ?? ''}`))) {
                    report(
                        accept,
                        'bang-diem-tu-cham',
                        `${label} của tiêu chí "${name(c)}" là ${show(score.value)}, vượt điểm chuẩn ${show(c.max.value)}` +
                            `${bonus > 0 ? ` và điểm thưởng ${show(bonus)}` : ''}. Hãy chấm lại tiêu chí này.`,
                        where(score, at)
                    );
                }
                const kids = c.children.filter(k => k[key]);
                if (kids.length >= 2 && kids.length === c.children.length) {
                    const total = sum(kids.map(k => k[key]!.value));
                    if (total !== score.value) {
                        report(
                            accept,
                            'bang-diem-tu-cham',
                            `${label} của tiêu chí "${name(c)}" ghi ${show(score.value)} nhưng các tiêu chí con cộng lại ` +
                                `được ${show(total)}. Hãy sửa cho khớp.`,
                            where(score, at),
                            replaceFix(score, show(total), at, `Sửa thành ${show(total)}`)
                        );
                    }
                }
            }
            const roots = s.roots.filter(r => r[key]);
            const row = s.total?.[key];
            if (row && roots.length && roots.length === s.roots.length) {
                const total = sum(roots.map(r => r[key]!.value));
                if (total !== row.value) {
                    report(
                        accept,
                        'bang-diem-tu-cham',
                        `Tổng ${label.toLowerCase()} ghi ${show(row.value)} nhưng các nhóm tiêu chí cộng lại được ` +
                            `${show(total)}. Hãy sửa dòng tổng cộng.`,
                        where(row, at),
                        replaceFix(row, show(total), at, `Sửa tổng thành ${show(total)}`)
                    );
                }
            }
        }
    }
}

type CellOf = (cell: GridCell | undefined) => TableCell | undefined;

/** Where in the cell's text a number stands: its text part and offset. */
function numberAt(node: TableCell, raw: string): { start: number; end: number } | undefined {
    for (const part of node.parts ?? []) {
        if (!isTextPart(part) || !part.$cstNode) continue;
        const i = part.text.indexOf(raw);
        if (i >= 0) return { start: part.$cstNode.offset + i, end: part.$cstNode.offset + i + raw.length };
    }
    return undefined;
}

function where(p: Points, at: CellOf): Where {
    const node = at(p.cell)!;
    const place = node && numberAt(node, p.raw);
    return place ? { node, range: rangeOf(node, place.start, place.end) } : { node };
}

function replaceFix(p: Points, text: string, at: CellOf, title: string): Fix[] {
    const node = at(p.cell);
    const place = node && numberAt(node, p.raw);
    return node && place ? [{ title, edits: [{ range: rangeOf(node, place.start, place.end), newText: text }] }] : [];
}

function labelFix(node: TableCell, own: string, expected: string): Fix[] {
    const place = numberAt(node, own);
    return place
        ? [
              {
                  title: `Đánh số "${expected}"`,
                  edits: [{ range: rangeOf(node, place.start, place.end), newText: expected }]
              }
          ]
        : [];
}

/** Whether `label` comes after `expected` in its numbering (a gap), not before it or out of it. */
function skipsTo(expected: string, label: string, shape: string): boolean {
    const wanted = normalLabel(label).toLowerCase();
    let next: string | undefined = expected;
    for (let step = 0; step < 50 && next; step++) {
        next = nextLabel(next, shape);
        if (next && normalLabel(next).toLowerCase() === wanted) return true;
    }
    return false;
}
