import type { AstNode } from 'langium';
import { AbstractInlayHintProvider, type InlayHintAcceptor } from 'langium/lsp';
import { formatViNumber } from '../../domain/numbers.js';
import { isValue } from '../generated/ast.js';
import type { ThiduaDocumentModel } from '../thidua-document-model.js';
import type { ThiduaServices } from '../thidua-module.js';
import { impliedBaseline } from './describe.js';

/** After an indicator compared with a baseline ("bằng 113,0% so với …"), the baseline it implies. */
export class ThiduaInlayHintProvider extends AbstractInlayHintProvider {
    private readonly models: ThiduaDocumentModel;
    constructor(services: ThiduaServices) {
        super();
        this.models = services.model.DocumentModel;
    }

    computeInlayHint(node: AstNode, acceptor: InlayHintAcceptor): void {
        if (!isValue(node) || !node.$cstNode) return;
        const v = this.models.get(node).valueOf.get(node);
        if (v?.type !== 'indicator') return;
        for (const t of [...v.parts, ...v.sub]) {
            const implied = impliedBaseline(t);
            if (!implied) continue;
            const sign = implied.change >= 0 ? '+' : '−';
            acceptor({
                position: node.$cstNode.range.end,
                label: ` ⇒ kỳ gốc ≈ ${formatViNumber(implied.baseline, 2)} ${t.unit ?? ''}, ${sign}${formatViNumber(Math.abs(implied.change), 2)}`.replace(/\s+,/, ','),
                paddingLeft: true
            });
        }
    }
}
