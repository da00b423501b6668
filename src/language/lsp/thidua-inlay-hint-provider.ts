import { AstUtils, type AstNode, type LangiumDocument } from 'langium';
import type { CancellationToken, InlayHint, InlayHintParams } from 'vscode-languageserver';
import { AbstractInlayHintProvider, type InlayHintAcceptor } from 'langium/lsp';
import { formatViNumber } from '../../domain/numbers.js';
import { isDocument, isValue, type Model } from '../generated/ast.js';
import type { ThiduaDocumentModel } from '../model/thidua-document-model.js';
import { reportOf, type ReportModel } from '../model/thidua-report.js';
import type { ThiduaServices } from '../thidua-module.js';
import { impliedBaseline, readingLabel } from './describe.js';

/**
 * After each value, how it was read ("chỉ tiêu: 95%", "Đợt 1: 15/3/2025 → 30/6/2025");
 * after an indicator compared with a baseline ("bằng 113,0% so với …"), the baseline it implies;
 * after a report's result ({@id …}), its completion and status against the plan.
 */
export class ThiduaInlayHintProvider extends AbstractInlayHintProvider {
    private readonly models: ThiduaDocumentModel;
    /** Per request: a report's evaluation also depends on its plan, which may have changed since the last one. */
    private reports = new WeakMap<Model, ReportModel | undefined>();

    override getInlayHints(
        document: LangiumDocument,
        params: InlayHintParams,
        cancelToken?: CancellationToken
    ): Promise<InlayHint[] | undefined> {
        this.reports = new WeakMap();
        return super.getInlayHints(document, params, cancelToken);
    }
    constructor(services: ThiduaServices) {
        super();
        this.models = services.model.DocumentModel;
    }

    computeInlayHint(node: AstNode, acceptor: InlayHintAcceptor): void {
        if (!isValue(node) || !node.$cstNode) return;
        if (node.indicator) {
            const root = AstUtils.findRootNode(node) as Model;
            if (!this.reports.has(root))
                this.reports.set(root, isDocument(root) ? reportOf(root, r => this.models.get(r)) : undefined);
            const row = this.reports.get(root)?.rows.find(r => r.node === node);
            const e = row?.evaluation;
            if (e)
                acceptor({
                    position: node.$cstNode.range.end,
                    label: ` ⇒ ${e.percent !== undefined ? `${formatViNumber(e.percent, 1)}% kế hoạch · ` : ''}${e.status}`,
                    paddingLeft: true
                });
            return;
        }
        const model = this.models.get(node);
        const v = model.valueOf.get(node);
        if (!v) return;
        // Every value says how it was read, so that no reading is silent.
        acceptor({
            position: node.$cstNode.range.end,
            label: ` ${readingLabel(v, model.rounds.find(r => r.node === node)?.label)}`,
            paddingLeft: true
        });
        if (v.type !== 'indicator') return;
        for (const t of [...v.parts, ...v.sub]) {
            const implied = impliedBaseline(t);
            if (!implied) continue;
            const sign = implied.change >= 0 ? '+' : '−';
            acceptor({
                position: node.$cstNode.range.end,
                label: ` ⇒ kỳ gốc ≈ ${formatViNumber(implied.baseline, 2)} ${t.unit ?? ''}, ${sign}${formatViNumber(Math.abs(implied.change), 2)}`.replace(
                    /\s+,/,
                    ','
                ),
                paddingLeft: true
            });
        }
    }
}
