import { AstUtils } from 'langium';
import { dayNumber, isCompleteDate } from '../../domain/dates.js';
import { evaluate, parseResult, summary, type Evaluation, type Result } from '../../domain/report.js';
import type { Target } from '../../domain/values.js';
import { isDocument, isValue, type Document, type Model, type Value } from '../generated/ast.js';
import type { DocumentModel, IndicatorEntry } from './thidua-document-model.js';
import { nodesOf } from '../syntax/ast-walk.js';

/** One result of a Báo cáo: the plan's indicator it reports on, the actual value, and how it compares. */
export interface ReportRow {
    node: Value;
    indicator?: IndicatorEntry;
    target?: Target;
    result: Result;
    evaluation?: Evaluation;
}

export interface ReportModel {
    plan?: Document;
    rows: ReportRow[];
    /** Indicators of the plan (with an id) that the report gives no result for. */
    missing: IndicatorEntry[];
    summary: ReturnType<typeof summary>;
    /** "sơ kết" (mid-term) or "tổng kết" (final), from the title. */
    stage?: 'sơ kết' | 'tổng kết';
    /** The report is dated before the plan's period ends. */
    early?: boolean;
}

/**
 * The report view of a document whose { @id … } values refer to a plan's indicators; `modelOf` gives any document's
 * model.
 */
export function reportOf(root: Model, modelOf: (root: Model) => DocumentModel): ReportModel | undefined {
    if (!isDocument(root)) return undefined;
    // Whether it reports on indicators is read from the tree (the typed values are parsed only for a report).
    const refs = nodesOf(root).filter((n): n is Value => isValue(n) && !!n.indicator);
    if (!refs.length) return undefined;
    const model = modelOf(root);
    let plan: Document | undefined;
    const rows: ReportRow[] = refs.map(node => {
        const targetNode = node.indicator?.ref;
        const result = parseResult((node.text ?? '').replace(/^ /, ''));
        if (!targetNode || !isValue(targetNode)) return { node, result };
        const planRoot = AstUtils.findRootNode(targetNode);
        if (isDocument(planRoot)) plan ??= planRoot;
        const planModel = modelOf(planRoot as Model);
        const indicator = planModel.indicators.find(i => i.node === targetNode);
        // A compound indicator is judged on its first part that has a quantity.
        const target = indicator?.value.parts.find(p => p.quantity) ?? indicator?.value.parts[0];
        return { node, indicator, target, result, evaluation: target ? evaluate(target, result) : undefined };
    });
    const reported = new Set(rows.map(r => r.indicator?.node));
    const planModel = plan ? modelOf(plan) : undefined;
    const missing = planModel?.indicators.filter(i => i.id && !reported.has(i.node)) ?? [];
    const subject = (model.subject ?? '').toLowerCase();
    const stage = subject.includes('tổng kết') ? 'tổng kết' : subject.includes('sơ kết') ? 'sơ kết' : undefined;
    const end = planModel?.campaignPeriod?.value.end;
    const endDay = end?.date
        ? dayNumber(end.date, true)
        : end?.year !== undefined
          ? dayNumber({ year: end.year, raw: '', form: 'long' }, true)
          : undefined;
    const early =
        model.date && isCompleteDate(model.date) && endDay !== undefined ? dayNumber(model.date)! < endDay : undefined;
    const byIndicator = new Map<unknown, ReportRow>();
    for (const r of rows) if (r.indicator) byIndicator.set(r.indicator.node, r);
    const statuses = [...(planModel?.indicators.filter(i => i.id) ?? [])].map(
        i => byIndicator.get(i.node)?.evaluation?.status
    );
    return {
        plan,
        rows,
        missing,
        summary: summary(statuses.length ? statuses : rows.map(r => r.evaluation?.status)),
        stage,
        early
    };
}
