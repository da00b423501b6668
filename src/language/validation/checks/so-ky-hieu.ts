import type { ValidationAcceptor } from 'langium';
import partiesData from '../../../domain/data/parties.json' with { type: 'json' };
import { parseDocNumber, parseNumberLine, type DocNumber } from '../../../domain/doc-number.js';
import type { Citation, Document } from '../../generated/ast.js';
import type { ThiduaDocumentModel } from '../../model/thidua-document-model.js';
import { propertyOffset, rangeOf, report } from './rules.js';

const partyIssuers = new Set(partiesData.issuerCodes);

/** Số và ký hiệu (NĐ 30 Phụ lục I mục II.3, Phụ lục III; HD 36-HD/VPTW for Party documents). */
export class SoKyHieuChecks {
    constructor(private readonly models: ThiduaDocumentModel) {}

    checkNumberLine(doc: Document, accept: ValidationAcceptor): void {
        if (!doc.numberLine) return;
        const line = doc.numberLine;
        const base = propertyOffset(doc, 'numberLine') ?? 0;
        const parsed = parseNumberLine(line);
        if (!parsed) {
            report(
                accept,
                'so-ky-hieu-dang-thuc',
                `Số, ký hiệu "${line.trim()}" chưa đúng dạng. Văn bản hành chính viết "Số: 12/CT-UBND"; văn bản của Đảng viết "Số 34-CT/TW".`,
                { node: doc, property: 'numberLine' }
            );
            return;
        }
        const numStart = base + Math.max(0, line.indexOf(parsed.raw));
        if (parsed.number === undefined) {
            report(
                accept,
                'so-ky-hieu-trong',
                'Số văn bản còn để trống (dự thảo). Văn thư cấp số khi văn bản được ký ban hành.',
                { node: doc, property: 'numberLine' }
            );
        } else if (parsed.number < 10 && parsed.numberRaw.length === 1) {
            const start = numStart;
            report(
                accept,
                'so-ky-hieu-so-0',
                `Số văn bản nhỏ hơn 10 phải viết thêm số 0 phía trước: "0${parsed.number}" thay cho "${parsed.number}".`,
                { node: doc, range: rangeOf(doc, start, start + 1) },
                [
                    {
                        title: `Viết "0${parsed.number}"`,
                        edits: [{ range: rangeOf(doc, start, start + 1), newText: `0${parsed.number}` }]
                    }
                ]
            );
        }
        const kind = this.models.get(doc).kind;
        if (kind?.code && parsed.typeCode && parsed.typeCode !== kind.code) {
            const start = numStart + parsed.numberRaw.length + 1 + (parsed.year ? 5 : 0);
            const range = rangeOf(doc, start, start + parsed.typeCode.length);
            report(
                accept,
                'so-ky-hieu-loai',
                `Văn bản là ${kind.name} nên ký hiệu loại phải là "${kind.code}", không phải "${parsed.typeCode}".`,
                { node: doc, range },
                [{ title: `Đổi ký hiệu loại thành "${kind.code}"`, edits: [{ range, newText: kind.code }] }]
            );
        } else if (kind && !kind.code && parsed.typeCode) {
            report(
                accept,
                'so-ky-hieu-loai',
                `${kind.name} không có ký hiệu loại riêng; ký hiệu gồm chữ viết tắt của cơ quan và đơn vị soạn thảo.`,
                { node: doc, property: 'numberLine' }
            );
        }
        this.checkPartyForm(parsed, doc, numStart, accept);
    }

    checkCitationNumber(citation: Citation, accept: ValidationAcceptor): void {
        const text = citation.number?.$refText;
        const node = citation.number?.$refNode;
        if (!text || !node) return;
        const parsed = parseDocNumber(text);
        if (parsed) this.checkPartyForm(parsed, citation, node.offset, accept);
    }

    /** A Party document (issuer TW, TU, HU …) is numbered n-CODE/ISSUER, not n/CODE-ISSUER. */
    private checkPartyForm(
        parsed: DocNumber,
        node: Document | Citation,
        start: number,
        accept: ValidationAcceptor
    ): void {
        const issuer = parsed.issuerCode.split('-')[0];
        if (parsed.form !== 'state' || !parsed.typeCode || !partyIssuers.has(issuer) || parsed.year) return;
        const fixed = `${parsed.numberRaw}-${parsed.typeCode}/${parsed.issuerCode}`;
        const range = rangeOf(node, start, start + parsed.raw.length);
        report(
            accept,
            'so-ky-hieu-dang',
            `Văn bản của Đảng (${issuer}) ghi số và ký hiệu dạng "${fixed}", không phải "${parsed.raw}".`,
            { node, range },
            [{ title: `Viết "${fixed}"`, edits: [{ range, newText: fixed }] }]
        );
    }
}
