import { AstUtils, type AstNode } from 'langium';
import { parseCitation, type CitationInfo } from '../domain/citation.js';
import { parseDate, type ViDate } from '../domain/dates.js';
import { parseNumberLine, type DocNumber } from '../domain/doc-number.js';
import { deriveAssignment, findAwards, sectionRoleOf, type Assignment, type AwardMention, type SectionRole } from '../domain/organisation.js';
import { kindByTitle, type DocumentKind } from '../domain/tables.js';
import { parseValue, type IndicatorValue, type PeriodValue, type TypedValue } from '../domain/values.js';
import { inlineSource, lineSource, plainText } from './ast-text.js';
import {
    isCitation, isDocument, isKhoan, isParagraph, isSection, isSubKhoan, isValue,
    type Citation, type Document, type Khoan, type Model, type Paragraph, type RegistryEntry, type Section, type SubKhoan, type Value
} from './generated/ast.js';

export interface IndicatorEntry {
    node: Value;
    value: IndicatorValue;
    id?: string;
    /** The number written before it: "1)" or "1." → 1. */
    number?: number;
    section?: Section;
}

export interface CitationEntry { node: Citation | RegistryEntry; info: CitationInfo }
export interface ValueEntry { node: Value; value: TypedValue }
export interface SectionEntry { node: Section; title: string; role?: SectionRole }
export interface AssignmentEntry { node: Khoan | SubKhoan | Paragraph; assignment: Assignment }
export interface AwardEntry { node: AstNode; mention: AwardMention }

export interface SignatureInfo { authority?: string; titles: string[]; signer?: string; notes: string[] }

/** The typed view of one document: what checks, editor answers and generators read. */
export interface DocumentModel {
    kind?: DocumentKind;
    kindTitle?: string;
    /** Cơ quan chủ quản (when two agency lines) and cơ quan ban hành. */
    parentAgency?: string;
    issuer?: string;
    number?: DocNumber;
    place?: string;
    date?: ViDate;
    subject?: string;
    sections: SectionEntry[];
    values: ValueEntry[];
    indicators: IndicatorEntry[];
    citations: CitationEntry[];
    campaignPeriod?: { node: Value; value: PeriodValue };
    campaignYear?: number;
    assignments: AssignmentEntry[];
    awards: AwardEntry[];
    recipients: string[];
    signature?: SignatureInfo;
}

/** Builds the typed model of a document once per parse (cached on the AST root). */
export class ThiduaDocumentModel {
    private readonly cache = new WeakMap<Model, DocumentModel>();

    get(node: AstNode): DocumentModel {
        const root = AstUtils.findRootNode(node) as Model;
        let model = this.cache.get(root);
        if (!model) {
            model = buildModel(root);
            this.cache.set(root, model);
        }
        return model;
    }
}

export function buildModel(root: Model): DocumentModel {
    const model: DocumentModel = {
        sections: [], values: [], indicators: [], citations: [], assignments: [], awards: [], recipients: []
    };
    if (!isDocument(root)) {
        for (const entry of root.entries) {
            model.citations.push({ node: entry, info: parseCitation(entry.head, entry.number, entry.tail) });
        }
        return model;
    }
    readHeader(root, model);
    for (const node of AstUtils.streamAllContents(root)) {
        if (isValue(node)) {
            const value = parseValue(unescape(node.text ?? ''));
            model.values.push({ node, value });
            if (value.type === 'indicator') model.indicators.push(indicatorEntry(node, value));
        } else if (isCitation(node)) {
            model.citations.push({ node, info: parseCitation(node.head, node.number?.$refText, node.tail) });
        } else if (isSection(node)) {
            const title = plainText(inlineSource(node.parts)).split(':')[0].trim();
            model.sections.push({ node, title, role: sectionRoleOf(title) });
        }
    }
    const periods = model.values.filter((v): v is { node: Value; value: PeriodValue } => v.value.type === 'period');
    model.campaignPeriod = periods.find(p => sectionOf(p.node) && sectionRoleOf(titleOf(sectionOf(p.node)!)) === 'thoi-gian')
        ?? periods.find(p => p.value.end?.kind === 'date' || p.value.end?.kind === 'year');
    const end = model.campaignPeriod?.value.end;
    model.campaignYear = end?.date?.year ?? end?.year ?? model.date?.year
        ?? (Number(/năm ([0-9]{4})/u.exec(model.subject ?? '')?.[1]) || undefined);
    for (const s of model.sections.filter(s => s.role === 'to-chuc')) {
        for (const item of s.node.items) {
            const text = plainText(lineSource(item));
            const assignment = deriveAssignment(text);
            if (assignment) model.assignments.push({ node: item, assignment });
        }
    }
    for (const node of AstUtils.streamAllContents(root)) {
        if (isParagraph(node) || isKhoan(node) || isSubKhoan(node) || isSection(node)) {
            for (const mention of findAwards(plainText(inlineSource(node.parts)))) model.awards.push({ node, mention });
        }
    }
    model.recipients = root.noiNhan?.items.map(i => plainText(inlineSource(i.parts)).trim()) ?? [];
    if (root.signature) {
        model.signature = {
            authority: root.signature.authority?.trim(),
            titles: root.signature.titles.map(t => t.trim()),
            signer: root.signature.signer ? plainText(root.signature.signer).trim() : undefined,
            notes: root.signature.notes.map(n => plainText(n.text).trim())
        };
    }
    return model;
}

function unescape(s: string): string {
    return s.replace(/\\([\\[\]{}*_])/g, '$1');
}

function readHeader(doc: Document, model: DocumentModel): void {
    const agencies = doc.headerLines.flatMap(h => h.agency ? [h.agency.trim()] : []);
    if (agencies.length >= 2) {
        model.parentAgency = agencies[0];
        model.issuer = agencies.slice(1).join(' ');
    } else if (agencies.length === 1) {
        model.issuer = agencies[0];
    }
    if (doc.numberLine) model.number = parseNumberLine(doc.numberLine);
    if (doc.placeDate) {
        const i = doc.placeDate.indexOf(', ngày');
        model.place = doc.placeDate.slice(0, i).trim();
        model.date = parseDate(doc.placeDate.slice(i + 1).trim());
    }
    if (doc.kind) {
        model.kindTitle = doc.kind.trim();
        model.kind = kindByTitle(model.kindTitle);
    }
    if (doc.subject) model.subject = plainText(lineSource(doc.subject)).trim();
}

function sectionOf(node: AstNode): Section | undefined {
    return AstUtils.getContainerOfType(node, isSection);
}

function titleOf(section: Section): string {
    return plainText(inlineSource(section.parts)).split(':')[0].trim();
}

function indicatorEntry(node: Value, value: IndicatorValue): IndicatorEntry {
    const entry: IndicatorEntry = { node, value, section: sectionOf(node) };
    if (node.id) entry.id = node.id.slice(1);
    const line = node.$container;
    if (line && 'mark' in line && typeof line.mark === 'string') {
        const values = line.parts.filter(isValue).filter(v => parseValue(v.text ?? '').type === 'indicator');
        const n = /^([0-9]+)[.)]/.exec(line.mark.trim());
        if (n && values.length === 1) entry.number = Number(n[1]);
    }
    return entry;
}
