import type { ValidationAcceptor } from 'langium';
import { annexNumeral } from '../../../domain/annex.js';
import { differentDays, isCompleteDate, shortForm } from '../../../domain/dates.js';
import { toRoman } from '../../../domain/scoring.js';
import type { Document } from '../../generated/ast.js';
import type { ThiduaDocumentModel } from '../../model/thidua-document-model.js';
import { lineRange, rangeOf, report, type Fix } from './rules.js';
import type { WorkspaceIndex } from './workspace-index.js';
import layoutWords from '../../../domain/data/layout-words.json' with { type: 'json' };

/**
 * Annexes (NĐ 30/2020 Phụ lục I mục II.11): the "Kèm theo" line agrees with the document; two or more are numbered I,
 * II …
 */
export class AnnexChecks {
    constructor(
        private readonly models: ThiduaDocumentModel,
        private readonly index?: WorkspaceIndex
    ) {}

    /**
     * An annex alone in its file, checked against the document its "Kèm theo" line names, when that document is in the
     * folder: the same số/ký hiệu with another date or kind is a mistake in the line (a workspace check).
     */
    checkParent(doc: Document, accept: ValidationAcceptor): void {
        const model = this.models.get(doc);
        if (model.kind || model.number || !this.index) return;
        for (const annex of model.annexes) {
            const info = annex.attached?.info;
            const wanted = info?.number?.parsed;
            if (!annex.attached || !info || !wanted || wanted.number === undefined) continue;
            for (const { own } of this.index?.ownersOf(wanted) ?? []) {
                const n = own.number;
                if (!n) continue;
                const problems: string[] = [];
                if (info.kind && own.kind && info.kind.name !== own.kind)
                    problems.push(`ghi "${info.kind.name}" nhưng văn bản số ${n.raw} là ${own.kind}`);
                const d = info.date,
                    date = own.date;
                if (d && date && differentDays(d, date)) {
                    problems.push(
                        `ghi ngày ${shortForm(d)} nhưng văn bản số ${n.raw} ban hành ngày ${shortForm(date)}`
                    );
                }
                if (problems.length) {
                    report(
                        accept,
                        'phu-luc-kem-theo',
                        `Dòng "Kèm theo" của ${annex.heading} ${problems.join('; ')}. ` +
                            'Hãy sửa cho khớp với văn bản mà phụ lục kèm theo.',
                        { node: annex.attached.node, range: lineRange(annex.attached.node) }
                    );
                }
                break;
            }
        }
    }

    checkAnnexes(doc: Document, accept: ValidationAcceptor): void {
        const model = this.models.get(doc);
        const own = model.kind && (model.number || model.date);
        for (const annex of model.annexes) {
            const attached = annex.attached;
            if (!attached) {
                if (own) {
                    const after = annex.titles[annex.titles.length - 1] ?? annex.node;
                    const line =
                        `(Kèm theo ${model.kind!.name}${model.number ? ` số ${model.number.raw}` : ''}` +
                        `${model.date && isCompleteDate(model.date) ? ` ngày ${shortForm(model.date)}` : ''}${model.issuer ? ` của ${titleCase(model.issuer)}` : ''})`;
                    const end = after.$cstNode ? lineEnd(after.$cstNode.offset, after.$cstNode.text) : undefined;
                    const fixes: Fix[] =
                        end !== undefined
                            ? [
                                  {
                                      title: 'Thêm dòng "Kèm theo"',
                                      edits: [{ range: rangeOf(doc, end, end), newText: `\n${line}` }]
                                  }
                              ]
                            : [];
                    report(
                        accept,
                        'phu-luc-thieu-kem-theo',
                        `${annex.heading} chưa có dòng "(Kèm theo ${model.kind!.name} số … ngày …)" cho biết phụ lục thuộc văn bản nào. ` +
                            'Hãy thêm dòng này dưới tên phụ lục.',
                        { node: annex.node, range: lineRange(annex.node) },
                        fixes
                    );
                }
                continue;
            }
            if (!own) continue;
            const { info, node } = attached;
            const base = node.$cstNode!.offset + (node.$cstNode!.text.length - node.$cstNode!.text.trimStart().length);
            const problems: string[] = [];
            const fixes: Fix['edits'] = [];
            if (info.kind && model.kind && info.kind.name !== model.kind.name)
                problems.push(`ghi "${info.kind.name}" nhưng văn bản là ${model.kind.name}`);
            const n = info.number,
                mine = model.number;
            if (
                n &&
                mine &&
                n.parsed &&
                (n.parsed.issuerCode !== mine.issuerCode ||
                    n.parsed.typeCode !== mine.typeCode ||
                    (n.parsed.number !== undefined && mine.number !== undefined && n.parsed.number !== mine.number))
            ) {
                problems.push(`ghi số ${n.raw} nhưng văn bản là số ${mine.raw}`);
                fixes.push({
                    range: rangeOf(node, base + n.offset, base + n.offset + n.raw.length),
                    newText: mine.raw
                });
            }
            const d = info.date,
                date = model.date;
            if (d && date && differentDays(d, date)) {
                problems.push(`ghi ngày ${shortForm(d)} nhưng văn bản ban hành ngày ${shortForm(date)}`);
                fixes.push({
                    range: rangeOf(node, base + d.offset, base + d.offset + d.length),
                    newText:
                        d.form === 'long'
                            ? `ngày ${String(date.day).padStart(2, '0')} tháng ${String(date.month).padStart(2, '0')} năm ${date.year}`
                            : `${/^ngày\s/u.test(d.raw) ? 'ngày ' : ''}${shortForm(date)}`
                });
            }
            if (problems.length) {
                report(
                    accept,
                    'phu-luc-kem-theo',
                    `Dòng "Kèm theo" của ${annex.heading} ${problems.join('; ')}. Hãy sửa cho khớp với số, ký hiệu và ngày của văn bản.`,
                    { node, range: lineRange(node) },
                    fixes.length ? [{ title: 'Sửa theo số, ký hiệu và ngày của văn bản', edits: fixes }] : []
                );
            }
        }
        this.checkNumerals(doc, accept);
    }

    private checkNumerals(doc: Document, accept: ValidationAcceptor): void {
        // Only the annexes called "Phụ lục": a text issued with the document ("QUY ĐỊNH", "DANH MỤC") has no number.
        const annexes = this.models.get(doc).annexes.filter(a => /^(?:PHỤ LỤC|Phụ lục)/u.test(a.heading));
        if (annexes.length < 2) return;
        // One numbering for the whole document: one finding on the first annex off it, one fix for all.
        const wrong = annexes
            .map((annex, i) => ({ annex, expected: toRoman(i + 1), numeral: annexNumeral(annex.heading) }))
            .filter(x => x.numeral?.text !== x.expected);
        if (!wrong.length) return;
        const edits = wrong.map(({ annex, expected, numeral }) => {
            const start = annex.node.$cstNode!.offset;
            return numeral
                ? {
                      range: rangeOf(annex.node, start + numeral.offset, start + numeral.offset + numeral.text.length),
                      newText: expected
                  }
                : {
                      range: rangeOf(annex.node, start + annex.heading.length, start + annex.heading.length),
                      newText: ` ${expected}`
                  };
        });
        const first = wrong[0];
        const others = wrong.slice(1).map(w => `"${w.annex.heading}"`);
        report(
            accept,
            'phu-luc-so',
            `Văn bản có ${annexes.length} phụ lục: phụ lục thứ ${annexes.indexOf(first.annex) + 1} phải đánh số La Mã ` +
                `"${first.expected}" (đang ghi "${first.annex.heading}")${others.length ? `; cũng vậy: ${others.join(', ')}` : ''}.`,
            {
                node: first.annex.node,
                range: lineRange(first.annex.node),
                related: wrong.slice(1).map(w => ({ node: w.annex.node, message: `Phụ lục số ${w.expected}` }))
            },
            [{ title: wrong.length > 1 ? 'Đánh số La Mã cho các phụ lục' : `Đánh số "${first.expected}"`, edits }]
        );
    }
}

function lineEnd(offset: number, text: string): number {
    const nl = text.search(/\r?\n/);
    return offset + (nl < 0 ? text.length : nl);
}

/**
 * An agency name in capitals as prose writes it (NĐ 30 Phụ lục II): "ỦY BAN NHÂN DÂN HUYỆN NAM SƠN" →
 * "Ủy ban nhân dân huyện Nam Sơn": the first word and the place name after the administrative unit capitalised.
 */
export function titleCase(issuer: string): string {
    const words = issuer.toLowerCase().split(/\s+/);
    const units = new Set(layoutWords.adminUnits.map(u => u.toLowerCase()));
    let place = -1;
    for (let i = 0; i < words.length; i++) {
        if (units.has(words[i]) || units.has(`${words[i]} ${words[i + 1] ?? ''}`))
            place = i + (units.has(`${words[i]} ${words[i + 1] ?? ''}`) ? 2 : 1);
    }
    return words
        .map((w, i) => (i === 0 || (place >= 0 && i >= place) ? w.charAt(0).toUpperCase() + w.slice(1) : w))
        .join(' ');
}
