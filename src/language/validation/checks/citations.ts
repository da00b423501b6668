import { AstUtils, type LangiumDocuments, type ValidationAcceptor } from 'langium';
import { dayNumber, shortForm, toIso, type ViDate } from '../../../domain/dates.js';
import { sameNumberingYear } from '../../../domain/doc-number.js';
import {
    datesCitation,
    namesIssuer,
    normaliseIssuer,
    sameIssuer,
    sameNormalisedIssuer,
    sentenceAround,
    sentenceBefore
} from '../../../domain/citation.js';
import { isCitation, type Citation, type Document } from '../../generated/ast.js';
import type { ThiduaDocumentModel } from '../../model/thidua-document-model.js';
import { propertyOffset, rangeOf, report, type Fix } from './rules.js';
import { WorkspaceIndex, type CitedForm } from './workspace-index.js';

/** Citations of prior documents: dated before the citing one, agreeing with the registry and each other. */
export class CitationChecks {
    private readonly index: WorkspaceIndex;

    constructor(
        private readonly models: ThiduaDocumentModel,
        documents: LangiumDocuments,
        private readonly hasRegistry: () => boolean = () => true,
        index?: WorkspaceIndex
    ) {
        this.index = index ?? new WorkspaceIndex(models, documents);
    }

    checkCitation(citation: Citation, accept: ValidationAcceptor): void {
        const info = this.models.citationInfo(citation);
        const number = citation.number;
        if (!number) return;
        const entry = number.ref;
        // Without any registry in the folder there is nothing to compare with: saying so for each citation is noise.
        // A document not numbered yet ("Báo cáo số /BC-UBND" of a draft and its annex) is in no registry.
        const unnumbered = isUnnumbered(info);
        if (!entry && number.$refText && !unnumbered && this.hasRegistry()) {
            report(
                accept,
                'trich-dan-chua-dang-ky',
                `Văn bản số ${number.$refText} chưa có trong sổ văn bản. Hãy thêm vào sổ (tệp bắt đầu bằng dòng "SỔ VĂN BẢN") để kiểm tra được số, ngày và cơ quan ban hành.`,
                { node: citation, range: number.$refNode?.range },
                this.addToRegistry(citation)
            );
            return;
        }
        if (!entry) return;
        const reg = this.models.citationInfo(entry);
        if (!unnumbered && info.docNumber && !sameNumberingYear(info.docNumber, info.date?.year, reg.date?.year)) {
            // The registry's document of this number is another year's: this one is not in the registry.
            if (this.hasRegistry())
                report(
                    accept,
                    'trich-dan-chua-dang-ky',
                    `Văn bản số ${number.$refText} ngày ${shortForm(info.date!)} chưa có trong sổ văn bản (sổ có văn bản ` +
                        `cùng số của năm ${reg.date!.year}: số văn bản đánh lại từ 01 mỗi năm). Hãy thêm vào sổ.`,
                    { node: citation, range: number.$refNode?.range },
                    this.addToRegistry(citation)
                );
            return;
        }
        const tail = citation.tail ?? '';
        const tailStart = propertyOffset(citation, 'tail');
        if (info.date && reg.date && toIso(info.date) !== toIso(reg.date) && tailStart !== undefined) {
            const d = this.models.lookups.dates(tail).find(x => x.form !== 'month')!;
            const start = tailStart + d.offset + (/^ngày\s+/iu.exec(d.raw)?.[0].length ?? 0);
            const range = rangeOf(citation, start, tailStart + d.offset + d.length);
            report(
                accept,
                'trich-dan-khac-so-van-ban',
                `Sổ văn bản ghi văn bản số ${number.$refText} ban hành ngày ${shortForm(reg.date)}, trích dẫn ở đây ghi ${shortForm(info.date)}.`,
                { node: citation, range },
                [
                    {
                        title: `Sửa theo sổ văn bản: ${shortForm(reg.date)}`,
                        edits: [{ range, newText: shortForm(reg.date) }]
                    }
                ]
            );
        }
        if (info.issuer && reg.issuer && !sameIssuer(info.issuer, reg.issuer) && tailStart !== undefined) {
            const start = tailStart + tail.indexOf(info.issuer);
            const range = rangeOf(citation, start, start + info.issuer.length);
            report(
                accept,
                'trich-dan-khac-so-van-ban',
                `Sổ văn bản ghi văn bản số ${number.$refText} của ${reg.issuer}, trích dẫn ở đây ghi của ${info.issuer}.`,
                { node: citation, range },
                [{ title: `Sửa theo sổ văn bản: ${reg.issuer}`, edits: [{ range, newText: reg.issuer }] }]
            );
        }
    }

    /**
     * A cited document is older than the citing one. One citation dated later: that date is doubtful. Several: the
     * document's own date is the likely mistake — one diagnostic on it, listing the citations.
     */
    checkCitedDates(doc: Document, accept: ValidationAcceptor): void {
        const model = this.models.get(doc);
        if (model.date?.year === undefined) return;
        const citing = dayNumber(model.date, true);
        if (citing === undefined) return;
        const later = model.citations.filter(
            c => isCitation(c.node) && c.info.date && (dayNumber(c.info.date) ?? 0) > citing
        );
        const own = model.date.raw.replace(/^ngày\s*/u, '');
        if (later.length === 1) {
            const { node, info } = later[0];
            report(
                accept,
                'trich-dan-sau-ngay',
                `Văn bản được trích dẫn (${shortForm(info.date!)}) có ngày sau ngày ban hành của văn bản này (${own}). Hãy kiểm tra lại ngày trích dẫn hoặc ngày ban hành.`,
                { node, property: 'tail' }
            );
        } else if (later.length > 1 && doc.placeDate) {
            const last = later.map(c => c.info.date!).sort((a, b) => dayNumber(b)! - dayNumber(a)!)[0];
            report(
                accept,
                'trich-dan-sau-ngay',
                `Ngày ban hành (${own}) sớm hơn ngày của ${later.length} văn bản được trích dẫn (muộn nhất ${shortForm(last)}). Hãy kiểm tra lại ngày ban hành.`,
                {
                    node: doc,
                    property: 'placeDate',
                    related: later.map(c => ({ node: c.node, message: `Văn bản ngày ${shortForm(c.info.date!)}` }))
                }
            );
        }
    }

    /** NĐ 30: the first mention of a document is full (loại, số, ngày, cơ quan); later ones may be short. */
    checkFirstMentions(doc: Document, accept: ValidationAcceptor): void {
        const model = this.models.get(doc);
        if (!model.kind) return;
        const seen = new Set<string>();
        for (const { node, info } of model.citations) {
            if (!isCitation(node) || !node.number) continue;
            const key = node.number.$refText;
            if (seen.has(key)) continue;
            seen.add(key);
            // Not numbered yet: the draft it goes with has no date either.
            if (isUnnumbered(info)) continue;
            if (info.kind?.normative && info.kind.name !== 'Nghị định' && info.kind.name !== 'Thông tư') continue;
            const missing = [
                !info.date && !this.dateKnown(node) && 'ngày ban hành',
                !info.issuer && !this.issuerKnown(node, model) && 'cơ quan ban hành'
            ].filter(Boolean) as string[];
            if (!missing.length) continue;
            const reg = node.number.ref ? this.models.citationInfo(node.number.ref) : undefined;
            const fixes: Fix[] = [];
            const end = node.$cstNode ? node.$cstNode.end - 1 : undefined;
            if (reg && end !== undefined && (info.date || reg.date) && (info.issuer || reg.issuer)) {
                const add =
                    (info.date ? '' : ` ngày ${shortForm(reg.date!)}`) + (info.issuer ? '' : ` của ${reg.issuer}`);
                const tail = (node.tail ?? '').replace(/\s+$/, '');
                const insertAt = (propertyOffset(node, 'tail') ?? node.number.$refNode!.end) + tail.length;
                fixes.push({
                    title: 'Ghi đầy đủ theo sổ văn bản',
                    edits: [{ range: rangeOf(node, insertAt, insertAt), newText: add }]
                });
            }
            report(
                accept,
                'trich-dan-lan-dau',
                `Lần đầu nhắc đến văn bản số ${key} phải ghi đầy đủ loại, số, ký hiệu, ngày ban hành và cơ quan ban hành; ở đây còn thiếu ${missing.join(' và ')}.`,
                { node, range: node.$cstNode?.range },
                fixes
            );
        }
    }

    /**
     * The issuer goes without saying when the citing sentence names a body ("Ủy ban nhân dân thị xã ban hành [Công văn
     * số …]") or the cited number carries the citing document's own issuer code ("191/BC-PTNMT" in "403/BC-PTNMT").
     */
    private issuerKnown(node: Citation, model: { number?: { issuerCode: string } }): boolean {
        const own = model.number?.issuerCode,
            cited = this.models.citationInfo(node).docNumber?.issuerCode;
        // "89/PTNMT-MT" is a công văn of PTNMT drafted by its MT unit.
        if (own && cited && (own === cited || cited.startsWith(own + '-') || own.startsWith(cited + '-'))) return true;
        const cst = node.$cstNode;
        if (!cst) return false;
        return namesIssuer(sentenceAround(AstUtils.getDocument(node).textDocument.getText(), cst.offset, cst.end));
    }

    /** The date goes without saying when the sentence gives it ("Ngày 03/7/2025, … ban hành [Nghị quyết số …]"). */
    private dateKnown(node: Citation): boolean {
        const cst = node.$cstNode;
        return (
            !!cst &&
            datesCitation(sentenceBefore(AstUtils.getDocument(node).textDocument.getText(), cst.offset, cst.end))
        );
    }

    /** Workspace-wide (slow): the same document cited with different dates or issuers. */
    checkConsistency(doc: Document, accept: ValidationAcceptor): void {
        const mine = this.models.get(doc).citations.filter(c => isCitation(c.node) && c.info.docNumber);
        if (!mine.length) return;
        const self = AstUtils.getDocument(doc);
        const where = (f: CitedForm) =>
            f.document === self
                ? `dòng ${f.citation.line + 1}`
                : `${f.document.uri.path.split('/').pop()} dòng ${f.citation.line + 1}`;
        const shownOf = (c: { date?: ViDate; issuer?: string }) =>
            [c.date && `ngày ${shortForm(c.date)}`, c.issuer && `của ${c.issuer}`].filter(Boolean).join(' ');
        for (const { node, info } of mine) {
            const date = info.date && toIso(info.date);
            const issuer = info.issuer && normaliseIssuer(info.issuer);
            // A document is its number and its issuer: the same number from two issuers on two dates is two documents.
            const conflict = this.index.formsOf(info.docNumber!.raw).find(o => {
                const sameBody = !o.issuer || !issuer || sameNormalisedIssuer(o.issuer, issuer);
                const year = (iso?: string) => (iso ? Number(iso.slice(0, 4)) : undefined);
                return sameBody
                    ? !!(o.date && date && o.date !== date) &&
                          sameNumberingYear(info.docNumber!, year(o.date), year(date))
                    : !!(o.date && date && o.date === date);
            });
            if (!conflict) continue;
            report(
                accept,
                'trich-dan-mau-thuan',
                `Văn bản số ${info.docNumber!.raw} được trích dẫn khác nhau: ở đây ${shownOf(info)}, ` +
                    `ở ${where(conflict)} ${shownOf(conflict.citation.info)}. Hãy thống nhất theo sổ văn bản.`,
                { node, property: 'tail' }
            );
        }
    }

    private addToRegistry(citation: Citation): Fix[] {
        const registry = this.index.registry();
        if (!registry) return [];
        const text = registry.textDocument.getText();
        const line = `- [${citation.head ?? ''}${citation.number?.$refText ?? ''}${citation.tail ?? ''}]`.replace(
            /\s+\]$/,
            ']'
        );
        const end = registry.textDocument.positionAt(text.length);
        return [
            {
                title: `Thêm văn bản số ${citation.number?.$refText} vào sổ văn bản`,
                edits: [
                    {
                        uri: registry.uri.toString(),
                        range: { start: end, end },
                        newText: (text.endsWith('\n') || text === '' ? '' : '\n') + line + '\n'
                    }
                ]
            }
        ];
    }
}

/** A document cited before it is numbered ("Báo cáo số /BC-UBND" of a draft). */
function isUnnumbered(info: { docNumber?: { number?: number } }): boolean {
    return info.docNumber !== undefined && info.docNumber.number === undefined;
}
