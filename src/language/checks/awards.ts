import type { ValidationAcceptor } from 'langium';
import authorityData from '../../domain/data/award-authority.json' with { type: 'json' };
import { dayNumber, isCompleteDate } from '../../domain/dates.js';
import type { Document } from '../generated/ast.js';
import type { DocumentModel, ThiduaDocumentModel } from '../thidua-document-model.js';
import { lineRange, report } from './rules.js';

type Level = 'xã' | 'huyện' | 'tỉnh';

const levelWords: [Level, RegExp][] = (['xã', 'huyện', 'tỉnh'] as Level[]).map(level => [
    level,
    new RegExp(`(?<![\\p{L}])(?:${(authorityData.levels[level] as string[]).join('|')})(?![\\p{L}])`, 'iu')
]);

/** The administrative level named in a conferrer ("Chủ tịch UBND huyện" → huyện). */
export function levelOf(conferrer: string): Level | undefined {
    const s = conferrer.toLowerCase();
    if (/thủ tướng|chủ tịch nước|bộ trưởng/u.test(s)) return undefined;
    const found = levelWords
        .map(([level, re]) => ({ level, i: s.search(re) }))
        .filter(x => x.i >= 0)
        .sort((a, b) => a.i - b.i);
    return found[0]?.level;
}

/** The law in force on the document's date (or on 1 January of its campaign year). */
export function lawInForce(model: DocumentModel) {
    const date =
        model.date && isCompleteDate(model.date)
            ? model.date
            : model.campaignYear
              ? { year: model.campaignYear, month: 1, day: 1, raw: '', form: 'long' as const }
              : undefined;
    const day = date ? dayNumber(date) : undefined;
    if (day === undefined) return authorityData.laws[0];
    return (
        authorityData.laws.find(l => {
            const from = 'from' in l && l.from ? Date.parse(l.from) / 86400000 : -Infinity;
            const to = 'to' in l && l.to ? Date.parse(l.to) / 86400000 : Infinity;
            return day >= from && day <= to;
        }) ?? authorityData.laws[0]
    );
}

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
