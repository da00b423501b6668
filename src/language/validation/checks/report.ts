import type { ValidationAcceptor } from 'langium';
import { formatViNumber } from '../../../domain/numbers.js';
import { isKhoan, isParagraph, isSection, isSubKhoan, isTextPart, type Document } from '../../generated/ast.js';
import type { ThiduaDocumentModel } from '../../model/thidua-document-model.js';
import { reportOf } from '../../model/thidua-report.js';
import { propertyOffset, rangeOf, report } from './rules.js';
import { AstUtils } from 'langium';

const SUMMARY =
    /([0-9]+)\/([0-9]+)\s+chỉ tiêu\s+(?:đạt và vượt|đạt, vượt|đạt và vượt kế hoạch|hoàn thành và hoàn thành vượt)/u;

/** Results reports: every indicator answered, units agreeing, stated percentages, statuses and totals right. */
export class ReportChecks {
    constructor(private readonly models: ThiduaDocumentModel) {}

    checkReport(doc: Document, accept: ValidationAcceptor): void {
        const r = reportOf(doc, root => this.models.get(root));
        if (!r) return;
        // A mid-term report (sơ kết) may give only some results; a final one (tổng kết) answers every indicator.
        for (const m of r.stage === 'sơ kết' ? [] : r.missing) {
            report(
                accept,
                'bao-cao-thieu-ket-qua',
                `Chỉ tiêu "#${m.id}" (${m.value.parts[0]?.name ?? m.value.raw}) của kế hoạch chưa có kết quả trong báo cáo. Hãy ghi kết quả bằng {@${m.id} …}.`,
                { node: doc, property: doc.kind ? 'kind' : undefined }
            );
        }
        for (const row of r.rows) {
            const e = row.evaluation;
            if (!row.target || !e) continue;
            const base = propertyOffset(row.node, 'text') ?? 0;
            const lead = (row.node.text ?? '').startsWith(' ') ? 1 : 0;
            if (e.unitMismatch) {
                report(
                    accept,
                    'bao-cao-don-vi',
                    `Kết quả tính bằng "${row.result.unit}" nhưng chỉ tiêu tính bằng "${row.target.unit}": không quy đổi được. Hãy ghi kết quả cùng đơn vị với kế hoạch.`,
                    { node: row.node, property: 'text' }
                );
                continue;
            }
            const stated = row.result.statedPercent;
            if (stated && e.percent !== undefined) {
                const decimals = stated.value.raw.split(',')[1]?.length ?? 0;
                if (Math.abs(e.percent - stated.value.value) > 0.5 * 10 ** -decimals + 0.05) {
                    const right = formatViNumber(e.percent, decimals);
                    const range = rangeOf(
                        row.node,
                        base + lead + stated.offset,
                        base + lead + stated.offset + stated.length
                    );
                    report(
                        accept,
                        'bao-cao-sai-ty-le',
                        `Ghi ${stated.value.raw}% nhưng tính theo số liệu là ${right}% kế hoạch.`,
                        { node: row.node, range },
                        [{ title: `Sửa thành ${right}%`, edits: [{ range, newText: right }] }]
                    );
                }
            }
            const status = row.result.statedStatus;
            if (status && status.status !== e.status) {
                const range = rangeOf(
                    row.node,
                    base + lead + status.offset,
                    base + lead + status.offset + status.length
                );
                report(
                    accept,
                    'bao-cao-sai-trang-thai',
                    `Ghi "${status.status}" nhưng theo số liệu chỉ tiêu này ${e.status === 'không đạt' ? 'không đạt' : e.status === 'vượt' ? 'vượt kế hoạch' : 'đạt'}.`,
                    { node: row.node, range },
                    [{ title: `Sửa thành "${e.status}"`, edits: [{ range, newText: e.status }] }]
                );
            }
        }
        for (const node of AstUtils.streamAllContents(doc)) {
            if (!(isParagraph(node) || isKhoan(node) || isSubKhoan(node) || isSection(node))) continue;
            for (const part of node.parts.filter(isTextPart)) {
                const m = SUMMARY.exec(part.text);
                if (!m) continue;
                const met = Number(m[1]),
                    total = Number(m[2]);
                if (met === r.summary.met && total === r.summary.total) continue;
                const start = (part.$cstNode?.offset ?? 0) + m.index;
                const range = rangeOf(part, start, start + m[1].length + 1 + m[2].length);
                report(
                    accept,
                    'bao-cao-sai-tong-hop',
                    `Ghi "${m[1]}/${m[2]} chỉ tiêu" nhưng theo kết quả từng chỉ tiêu là ${r.summary.text}.`,
                    { node: part, range },
                    [
                        {
                            title: `Sửa thành ${r.summary.met}/${r.summary.total}`,
                            edits: [{ range, newText: `${r.summary.met}/${r.summary.total}` }]
                        }
                    ]
                );
            }
        }
        if (r.stage === 'tổng kết' && r.early) {
            report(
                accept,
                'bao-cao-truoc-ky',
                'Báo cáo tổng kết được ký trước khi kết thúc thời gian thi đua của kế hoạch; trước thời điểm đó chỉ có thể sơ kết. Hãy sửa ngày hoặc đổi thành báo cáo sơ kết.',
                { node: doc, property: 'placeDate' }
            );
        }
    }
}
