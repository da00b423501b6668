import type { ValidationAcceptor } from 'langium';
import type { ThiduaDocumentModel } from '../../model/thidua-document-model.js';
import { PieceText, rangeOf, report } from './rules.js';

const OWN_YEAR = /chủ đề(?:\s+hành động)?\s+năm\s+([0-9]{4})|phong trào thi đua năm\s+([0-9]{4})/giu;

/** A year the document gives as its own (chủ đề năm …) must be the campaign year. */
export class YearChecks {
    constructor(private readonly models: ThiduaDocumentModel) {}

    checkProse(text: PieceText, accept: ValidationAcceptor): void {
        const first = text.pieces[0]?.node;
        if (!first) return;
        const year = this.models.get(first).campaignYear;
        if (!year) return;
        OWN_YEAR.lastIndex = 0;
        for (let m = OWN_YEAR.exec(text.text); m; m = OWN_YEAR.exec(text.text)) {
            const written = Number(m[1] ?? m[2]);
            if (written === year) continue;
            const digits = m.index + m[0].length - 4;
            const node = text.nodeAt(digits)!;
            const range = rangeOf(node, text.offsetAt(digits), text.offsetAt(digits + 3) + 1);
            report(
                accept,
                'nam-khong-khop',
                `Văn bản thi đua năm ${year} nhưng ở đây ghi "${m[0]}". Hãy kiểm tra lại năm.`,
                { node, range },
                [{ title: `Sửa thành năm ${year}`, edits: [{ range, newText: String(year) }] }]
            );
        }
    }
}
