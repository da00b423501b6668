import type { ValidationAcceptor } from 'langium';
import { lawInForce, levelOf } from '../../../domain/award-law.js';
import type { Document } from '../../generated/ast.js';
import type { ThiduaDocumentModel } from '../../model/thidua-document-model.js';
import { lineRange, report } from './rules.js';

/** Award authority: what the document's own authority confers must be within its power on that date. */
export class AwardChecks {
    constructor(private readonly models: ThiduaDocumentModel) {}

    checkAwards(doc: Document, accept: ValidationAcceptor): void {
        const model = this.models.get(doc);
        const law = lawInForce(model);
        for (const { node, mention } of model.awards) {
            if (mention.mode !== 'confer' || !mention.conferrer) continue;
            const level = levelOf(mention.conferrer);
            if (!level) continue;
            const authority = law.authorities.find(a => a.level === level);
            if (!authority || authority.may.some(m => m.toLowerCase() === mention.award.name.toLowerCase())) continue;
            report(
                accept,
                'khen-thuong-tham-quyen',
                `${mention.conferrer} không có thẩm quyền tặng ${mention.award.name} (${law.law}, ${authority.article}: cấp ${level} chỉ quyết định ${authority.may.join(', ')}). Hãy viết là đề nghị cấp có thẩm quyền xem xét, khen thưởng.`,
                { node, range: lineRange(node) }
            );
        }
    }
}
