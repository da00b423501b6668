import type { ValidationAcceptor } from 'langium';
import { dayNumber, isCompleteDate, shortForm, type ViDate } from '../../../domain/dates.js';
import { parsePeriod, type AnniversaryValue, type PeriodEnd } from '../../../domain/values.js';
import type { Document, Inline, TextPart, Value } from '../../generated/ast.js';
import type { DocumentModel, ThiduaDocumentModel } from '../../model/thidua-document-model.js';
import { PieceText, propertyOffset, rangeOf, report } from './rules.js';
import { inlineSource, plainText } from '../../syntax/ast-text.js';
import layoutWords from '../../../domain/data/layout-words.json' with { type: 'json' };

const EVALUATION = new RegExp(layoutWords.evaluation, 'iu');

type Lined = { $type?: string; $container?: unknown; parts?: readonly Parameters<typeof inlineSource>[0][number][] };

/**
 * Whether a line is about judging the campaign (sơ kết, tổng kết, chấm điểm, khen thưởng …): it follows the last round.
 * In a table the line is the whole row.
 */
function isEvaluation(line: Lined | undefined): boolean {
    if (line?.$type === 'TableCell') {
        const row = line.$container as { cells: Lined[] };
        return EVALUATION.test(row.cells.map(c => plainText(inlineSource(c.parts ?? []))).join(' '));
    }
    return !!line?.parts && EVALUATION.test(plainText(inlineSource(line.parts)));
}

function endDay(e: PeriodEnd | undefined, end: boolean): number | undefined {
    if (!e) return undefined;
    if (e.kind === 'date' && e.date) return dayNumber(e.date, end);
    if (e.kind === 'year' && e.year !== undefined) return dayNumber({ year: e.year, raw: '', form: 'long' }, end);
    return undefined;
}

function show(e: PeriodEnd): string {
    return e.kind === 'year' ? String(e.year) : e.date ? (isCompleteDate(e.date) ? shortForm(e.date) : e.date.raw) : '';
}

/** Where the campaign starts and ends, in day numbers (start: issuance date when known). */
function campaignBounds(model: DocumentModel): { start?: number; end?: number; issued?: number } {
    const issued = model.date && isCompleteDate(model.date) ? dayNumber(model.date) : undefined;
    const p = model.campaignPeriod?.value;
    return { issued, start: endDay(p?.start, false) ?? issued, end: endDay(p?.end, true) };
}

const PROSE_PERIOD = /(?:giai đoạn|nhiệm kỳ)\s+([0-9]{4})\s*[-–]\s*([0-9]{4})|\(([0-9]{4})\s*[-–]\s*([0-9]{4})\)/gu;

/** Whether a citation comes before the value in the same sentence ("Công văn số … yêu cầu gửi trước ngày …"). */
function quotesCitation(value: Value): boolean {
    const parts = (value.$container as { parts?: readonly Inline[] }).parts ?? [];
    for (let i = parts.indexOf(value) - 1; i >= 0; i--) {
        const p = parts[i];
        if (p.$type === 'Citation') return true;
        if (p.$type === 'TextPart' && /[.;!?]\s/u.test((p as TextPart).text)) return false;
    }
    return false;
}

/** Periods and time: start before end, deadlines and phases inside the campaign, anniversary arithmetic. */
export class PeriodChecks {
    constructor(private readonly models: ThiduaDocumentModel) {}

    checkValue(value: Value, accept: ValidationAcceptor): void {
        const v = this.models.get(value).valueOf.get(value);
        if (!v) return;
        const model = this.models.get(value);
        if (v.type === 'period') {
            const s = endDay(v.start, false),
                e = endDay(v.end, true);
            if (s !== undefined && e !== undefined && s > e) {
                report(
                    accept,
                    'thoi-gian-nguoc',
                    `Thời gian bắt đầu (${show(v.start!)}) sau thời gian kết thúc (${show(v.end!)}). Hãy sửa lại mốc thời gian, ví dụ "giai đoạn 2021-2025".`,
                    { node: value, property: 'text' }
                );
            }
        } else if (v.type === 'deadline' && v.date && model.kind?.code !== 'BC' && !quotesCitation(value)) {
            // A report tells past deadlines; a deadline in a sentence that cites a document is that document's.
            this.checkInside(value, v.date, 'Hạn', model, accept, isEvaluation(value.$container as never));
        } else if (v.type === 'anniversary') {
            this.checkAnniversary(value, v, model, accept);
        }
    }

    private checkInside(
        value: Value,
        date: ViDate,
        what: string,
        model: DocumentModel,
        accept: ValidationAcceptor,
        evaluation = false
    ): void {
        const d = dayNumber(date);
        const { issued } = campaignBounds(model);
        let { end } = campaignBounds(model);
        if (d === undefined) return;
        // Sơ kết, tổng kết, chấm điểm and khen thưởng come after the last round.
        if (evaluation && end !== undefined) end += layoutWords.evaluationGraceDays;
        if (issued !== undefined && d < issued) {
            report(
                accept,
                'thoi-gian-ngoai-ky',
                `${what} ${shortForm(date)} trước ngày ban hành văn bản. Hãy chọn mốc sau ngày ban hành.`,
                { node: value, property: 'text' }
            );
        } else if (end !== undefined && d > end) {
            report(
                accept,
                'thoi-gian-ngoai-ky',
                `${what} ${shortForm(date)} nằm sau khi kết thúc thời gian thi đua. Hãy chọn mốc trong thời gian thi đua hoặc kéo dài thời gian thi đua.`,
                { node: value, property: 'text' }
            );
        }
    }

    private checkAnniversary(
        value: Value,
        v: AnniversaryValue,
        model: DocumentModel,
        accept: ValidationAcceptor
    ): void {
        const from = v.origin?.date?.year ?? v.origin?.year;
        const to = v.anniversary?.date?.year ?? v.anniversary?.year;
        const text = value.text ?? '';
        if (from !== undefined && to !== undefined && v.count !== undefined) {
            const years = to - from;
            if (v.countUnit === 'ngày' && years === v.count) {
                const m = new RegExp(`${v.count}\\s+(ngày)`, 'u').exec(text);
                const base = propertyOffset(value, 'text') ?? 0;
                const end = base + (m ? m.index + m[0].length : 0);
                const fixes = m
                    ? [
                          {
                              title: `Viết "${v.count} năm"`,
                              edits: [{ range: rangeOf(value, end - 'ngày'.length, end), newText: 'năm' }]
                          }
                      ]
                    : [];
                report(
                    accept,
                    'ky-niem-so-nam',
                    `Viết "kỷ niệm ${v.count} ngày" nhưng từ ${from} đến ${to} là ${years} năm. Hãy viết "kỷ niệm ${v.count} năm".`,
                    { node: value, property: 'text' },
                    fixes
                );
            } else if (years !== v.count) {
                report(
                    accept,
                    'ky-niem-so-nam',
                    `Kỷ niệm ${v.count} năm không khớp với mốc thời gian: từ ${from} đến ${to} là ${years} năm.`,
                    { node: value, property: 'text' }
                );
            } else if (
                v.origin?.date &&
                v.anniversary?.date &&
                isCompleteDate(v.origin.date) &&
                isCompleteDate(v.anniversary.date) &&
                (v.origin.date.day !== v.anniversary.date.day || v.origin.date.month !== v.anniversary.date.month)
            ) {
                report(
                    accept,
                    'ky-niem-so-nam',
                    `Ngày kỷ niệm (${shortForm(v.anniversary.date)}) phải trùng ngày, tháng với ngày gốc (${shortForm(v.origin.date)}).`,
                    { node: value, property: 'text' }
                );
            }
        }
        if (v.anniversary?.date && isCompleteDate(v.anniversary.date)) {
            const { issued } = campaignBounds(model);
            const d = dayNumber(v.anniversary.date);
            if (issued !== undefined && d !== undefined && d < issued) {
                report(
                    accept,
                    'thoi-gian-ngoai-ky',
                    `Ngày kỷ niệm ${shortForm(v.anniversary.date)} đã qua trước ngày ban hành văn bản; đợt cao điểm phải hướng tới một mốc sau ngày ban hành.`,
                    { node: value, property: 'text' }
                );
            }
        }
    }

    /** Deadlines of assignments (Tổ chức thực hiện) inside the campaign. */
    checkAssignments(doc: Document, accept: ValidationAcceptor): void {
        const model = this.models.get(doc);
        const { issued } = campaignBounds(model);
        const typed = new Set(model.values.filter(v => v.value.type === 'deadline').map(v => v.node.$container));
        for (const { node, assignment } of model.assignments) {
            if (typed.has(node as never)) continue;
            const d = assignment.deadline && dayNumber(assignment.deadline);
            if (d === undefined || !assignment.deadline) continue;
            let { end } = campaignBounds(model);
            if (end !== undefined && isEvaluation(node as never)) end += layoutWords.evaluationGraceDays;
            if ((issued !== undefined && d < issued) || (end !== undefined && d > end)) {
                report(
                    accept,
                    'thoi-gian-ngoai-ky',
                    `Hạn ${shortForm(assignment.deadline)} của ${assignment.agency} nằm ngoài thời gian thi đua. Hãy chọn hạn trong thời gian thi đua.`,
                    { node }
                );
            }
        }
    }

    /** Periods written in prose without { } ("giai đoạn 2021-2015") are checked too. */
    checkProse(text: PieceText, accept: ValidationAcceptor): void {
        PROSE_PERIOD.lastIndex = 0;
        for (let m = PROSE_PERIOD.exec(text.text); m; m = PROSE_PERIOD.exec(text.text)) {
            const node = text.nodeAt(m.index);
            if (!node || node.$type === 'Value') continue;
            const p = parsePeriod(m[0].replace(/^(?:giai đoạn|nhiệm kỳ)\s+/u, ''));
            const s = endDay(p.start, false),
                e = endDay(p.end, true);
            if (s !== undefined && e !== undefined && s > e) {
                report(
                    accept,
                    'thoi-gian-nguoc',
                    `Thời gian bắt đầu (${show(p.start!)}) sau thời gian kết thúc (${show(p.end!)}). Hãy sửa lại mốc thời gian, ví dụ "giai đoạn 2021-2025".`,
                    { node, range: rangeOf(node, text.offsetAt(m.index), text.offsetAt(m.index + m[0].length - 1) + 1) }
                );
            }
        }
    }
}
