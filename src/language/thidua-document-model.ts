import { AstUtils, type AstNode, type LangiumDocument } from 'langium';
import { parseCitation, type CitationInfo } from '../domain/citation.js';
import { findDates, parseDate, type ViDate } from '../domain/dates.js';
import { parseNumberLine, type DocNumber } from '../domain/doc-number.js';
import { deriveAssignment, findAwards, sectionRoleOf, type Assignment, type AwardMention, type SectionRole } from '../domain/organisation.js';
import { kindByTitle, type DocumentKind } from '../domain/tables.js';
import { parseValue, type IndicatorValue, type PeriodValue, type TypedValue } from '../domain/values.js';
import { memoByText } from '../domain/memo.js';
import { nodesOf } from './ast-walk.js';
import { completeRoot, inlineSource, lineSource, plainText, unescapeText } from './ast-text.js';
import { isLoaded } from './thidua-document-factory.js';
import { startLine } from './thidua-parser.js';
import {
    isCitation, isDocument, isRegistryDoc, isParagraph, isSection, isTextPart, isValue,
    type BodyItem, type Citation, type Document, type Khoan, type KhoanItem, type Model, type Paragraph, type RegistryEntry,
    type Section, type SectionItem, type SubKhoan, type Value
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

/** A theme or slogan the document gives itself: chủ đề (năm …) “…”, khẩu hiệu “…”. */
export interface ThemeInfo { label: 'chủ đề' | 'khẩu hiệu'; year?: number; text: string; node: AstNode }
/** A movement named in quotes: phong trào “…”, cuộc vận động “…”. */
export interface MovementInfo { name: string; node: AstNode }

/** Quyền hạn lines (TM., KT., Q., TL., TUQ.), chức vụ lines, the signer's name, and stray note lines. */
export interface SignatureInfo { authority?: string; authorities: string[]; titles: string[]; signer?: string; notes: string[] }

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
    /** The parsed value of each { … } node. */
    valueOf: Map<Value, TypedValue>;
    indicators: IndicatorEntry[];
    citations: CitationEntry[];
    campaignPeriod?: { node: Value; value: PeriodValue };
    campaignYear?: number;
    /** Căn cứ / Thực hiện lines before the first section. */
    basis: Paragraph[];
    themes: ThemeInfo[];
    movements: MovementInfo[];
    /** The body ends with the closing mark "./.". */
    closed: boolean;
    assignments: AssignmentEntry[];
    awards: AwardEntry[];
    recipients: string[];
    signature?: SignatureInfo;
}

/**
 * What the other files need to know of a document (completion, workspace checks, quick fixes), kept when the
 * editor unloads the document's tree.
 */
export interface DocumentDigest {
    registry: boolean;
    /** The registry's entries: what a citation of each would write. */
    entries: { head?: string; number?: string; tail?: string; subject: string }[];
    /** Indicators with an id, and what each measures. */
    indicators: { id: string; detail: string }[];
    /** The document's citations and their lines (0-based). */
    citations: { info: CitationInfo; line: number }[];
}

/**
 * What a value, a citation or a line says, looked up by its text: the model is rebuilt at every parse, and
 * after a keystroke all texts but one are unchanged. One instance lives as long as the language services.
 */
export class TextLookups {
    readonly value = memoByText(parseValue);
    readonly dates = memoByText(findDates);
    readonly awards = memoByText(findAwards);
    private readonly citationOf = memoByText(key => {
        const [h, n, t] = key.split('\u0000');
        return parseCitation(h || undefined, n || undefined, t || undefined);
    });
    citation(head: string | undefined, number: string | undefined, tail: string | undefined): CitationInfo {
        return this.citationOf(`${head ?? ''}\u0000${number ?? ''}\u0000${tail ?? ''}`);
    }
}

/** Builds the typed model of a document once per parse (cached on the AST root). */
export class ThiduaDocumentModel {
    private readonly cache = new WeakMap<Model, DocumentModel>();
    readonly lookups = new TextLookups();

    get(node: AstNode): DocumentModel {
        const root = AstUtils.findRootNode(node) as Model;
        let model = this.cache.get(root);
        if (!model) {
            model = buildModel(root, this.lookups);
            this.cache.set(root, model);
        }
        return model;
    }

    /** Drops the model of a tree whose texts were changed in place (a line re-parsed on its own). */
    forget(root: AstNode): void {
        this.cache.delete(root as Model);
        this.digests.delete(root as Model);
    }

    private readonly digests = new WeakMap<Model, DocumentDigest>();
    private readonly lastDigest = new WeakMap<LangiumDocument, DocumentDigest>();

    /** The digest of a document: from its tree, or the last one made when the tree has been unloaded since. */
    digestOf(document: LangiumDocument): DocumentDigest {
        if (!isLoaded(document)) {
            const last = this.lastDigest.get(document);
            if (last) return last;
        }
        const root = document.parseResult.value as Model;
        let digest = this.digests.get(root);
        if (!digest) this.digests.set(root, digest = digestOf(root, this.lookups));
        this.lastDigest.set(document, digest);
        return digest;
    }

    /** What a citation or a registry entry says (looked up by its text). */
    citationInfo(c: Citation | RegistryEntry): CitationInfo {
        return this.lookups.citation(c.head, c.$type === 'Citation' ? (c as Citation).number?.$refText : (c as RegistryEntry).number, c.tail);
    }
}

export function buildModel(root: Model, lookups = new TextLookups()): DocumentModel {
    completeRoot(root);
    const model: DocumentModel = {
        sections: [], values: [], valueOf: new Map(), indicators: [], citations: [], assignments: [], awards: [], recipients: [],
        basis: [], themes: [], movements: [], closed: false
    };
    if (!isDocument(root)) {
        // A tree recovered from syntax errors may lack lists, or its type: read it defensively.
        for (const entry of isRegistryDoc(root) ? root.entries ?? [] : []) {
            model.citations.push({ node: entry, info: lookups.citation(entry.head, entry.number, entry.tail) });
        }
        return model;
    }
    readHeader(root, model);
    const prose: { node: Paragraph | Khoan | SubKhoan | Section; text: string }[] = [];
    const valueNodes: Value[] = [];
    // One pass over the tree collects values, citations, sections and what prose lines say.
    for (const node of nodesOf(root)) {
        // By $type: each is a concrete type (the generated guards ask the reflection for subtypes).
        switch (node.$type) {
            case 'Value':
                valueNodes.push(node as Value);
                break;
            case 'Citation': {
                const citation = node as Citation;
                model.citations.push({ node: citation, info: lookups.citation(citation.head, citation.number?.$refText, citation.tail) });
                break;
            }
            case 'Paragraph': case 'Khoan': case 'SubKhoan': case 'Section': {
                const line = node as Paragraph | Khoan | SubKhoan | Section;
                const text = plainText(inlineSource(line.parts));
                if (line.$type === 'Section') {
                    const title = text.split(':')[0].trim();
                    model.sections.push({ node: line, title, role: sectionRoleOf(title) });
                }
                prose.push({ node: line, text });
                if (text.includes('“')) {
                    for (const t of findThemes(text)) model.themes.push({ ...t, node: line });
                    for (const name of findMovements(text)) model.movements.push({ name, node: line });
                }
            }
        }
    }
    // The typed values (and what depends on them), awards and assignments are made when first read: an export of
    // a Chỉ thị reads none of them.
    lazy(model, ['values', 'valueOf', 'indicators', 'campaignPeriod', 'campaignYear'], () => {
        const values: ValueEntry[] = [], valueOf = new Map<Value, TypedValue>(), indicators: IndicatorEntry[] = [];
        for (const node of valueNodes) {
            const value = lookups.value(unescapeText(node.text ?? ''));
            values.push({ node, value });
            valueOf.set(node, value);
            if (value.type === 'indicator') indicators.push(indicatorEntry(node, value, lookups));
        }
        const periods = values.filter((v): v is { node: Value; value: PeriodValue } => v.value.type === 'period');
        const campaignPeriod = periods.find(p => sectionOf(p.node) && sectionRoleOf(titleOf(sectionOf(p.node)!)) === 'thoi-gian')
            ?? periods.find(p => p.value.start?.kind !== 'year' && (p.value.end?.kind === 'date' || p.value.end?.kind === 'year'));
        const end = campaignPeriod?.value.end;
        const campaignYear = end?.date?.year ?? end?.year
            ?? (Number(/năm ([0-9]{4})/u.exec(model.subject ?? '')?.[1]) || undefined) ?? model.date?.year;
        return { values, valueOf, indicators, campaignPeriod, campaignYear };
    });
    lazy(model, ['awards'], () => {
        const awards: AwardEntry[] = [];
        for (const { node, text } of prose) for (const mention of lookups.awards(text)) awards.push({ node, mention });
        return { awards };
    });
    lazy(model, ['assignments'], () => ({
        assignments: model.sections.filter(s => s.role === 'to-chuc').flatMap(s => s.node.items.flatMap(item => {
            const assignment = deriveAssignment(plainText(lineSource(item)));
            return assignment ? [{ node: item, assignment }] : [];
        }))
    }));
    for (const item of root.body ?? []) {
        if (!isParagraph(item)) break;
        if (/^(?:Căn cứ|Thực hiện)\s/u.test(plainText(inlineSource(item.parts)).trim())) model.basis.push(item);
    }
    const lastLine = lastParagraphText(root.body ?? []);
    model.closed = /\.\/\.\s*$/.test(lastLine);
    model.recipients = root.noiNhan?.items.map(i => plainText(inlineSource(i.parts)).trim()) ?? [];
    if (root.signature) {
        model.signature = {
            authority: root.signature.authorities[0]?.trim(),
            authorities: root.signature.authorities.map(a => a.trim()),
            titles: root.signature.titles.map(t => t.trim()),
            signer: root.signature.signer ? plainText(root.signature.signer).trim() : undefined,
            notes: root.signature.notes.map(n => plainText(n.text).trim())
        };
    }
    return model;
}

/** Makes `keys` computed together on the first read of one of them, then plain properties. */
function lazy<T extends object, K extends keyof T>(target: T, keys: K[], compute: () => Pick<T, K>): void {
    const read = () => {
        const values = compute();
        for (const k of keys) Object.defineProperty(target, k, { value: values[k], configurable: true, enumerable: true, writable: true });
    };
    for (const key of keys) {
        Object.defineProperty(target, key, {
            configurable: true, enumerable: true,
            get: () => {
                read();
                return target[key];
            }
        });
    }
}

function lastParagraphText(items: readonly (BodyItem | KhoanItem | SectionItem)[]): string {
    const last = items[items.length - 1];
    if (!last) return '';
    if (isParagraph(last)) return plainText(inlineSource(last.parts));
    return last.items.length ? lastParagraphText(last.items) : plainText(inlineSource(last.parts));
}

const THEME = /(chủ đề|khẩu hiệu)(?:\s+(?:hành động\s+)?năm\s+([0-9]{4}))?[^“"]{0,60}?[:]?\s*[“"]([^”"]+)[”"]/giu;

/** Themes and slogans written in quotes after "chủ đề" or "khẩu hiệu". */
export function findThemes(text: string): Omit<ThemeInfo, 'node'>[] {
    const out: Omit<ThemeInfo, 'node'>[] = [];
    THEME.lastIndex = 0;
    for (let m = THEME.exec(text); m; m = THEME.exec(text)) {
        out.push({ label: m[1].toLowerCase() as 'chủ đề', year: m[2] ? Number(m[2]) : undefined, text: m[3].trim() });
    }
    return out;
}

/** Names in quotes that follow "phong trào", "cuộc vận động" or a list of such names. */
export function findMovements(text: string): string[] {
    const out: string[] = [];
    const re = /“([^”]+)”/gu;
    let lastEnd = -1;
    for (let m = re.exec(text); m; m = re.exec(text)) {
        const before = text.slice(Math.max(0, m.index - 60), m.index);
        const gap = lastEnd >= 0 ? text.slice(lastEnd, m.index) : '.';
        const chained = /^[^.“”]{0,40}$/u.test(gap) && /[,;]|(?<![\p{L}])và(?![\p{L}])/u.test(gap);
        if (/(?:phong trào|cuộc vận động|thi đua)[^.;“”]{0,40}$/u.test(before) && !/chủ đề[^“”]{0,40}$/u.test(before) || chained) {
            out.push(m[1].trim());
            lastEnd = m.index + m[0].length;
        } else {
            lastEnd = -1;
        }
    }
    return out;
}

function readHeader(doc: Document, model: DocumentModel): void {
    const agencies = (doc.headerLines ?? []).flatMap(h => h.agency ? [h.agency.trim()] : []);
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

function indicatorEntry(node: Value, value: IndicatorValue, lookups: TextLookups): IndicatorEntry {
    const entry: IndicatorEntry = { node, value, section: sectionOf(node) };
    if (node.id) entry.id = node.id.slice(1);
    const line = node.$container;
    if (line && 'mark' in line && typeof line.mark === 'string') {
        const values = line.parts.filter(isValue).filter(v => lookups.value(unescapeText(v.text ?? '')).type === 'indicator');
        const n = /^([0-9]+)[.)]/.exec(line.mark.trim());
        if (n && values.length === 1) entry.number = Number(n[1]);
    }
    return entry;
}

/** The digest of a tree; its values and citations are parsed when first read (start-up digests every unopened file). */
function digestOf(root: Model, lookups: TextLookups): DocumentDigest {
    const digest: DocumentDigest = { registry: isRegistryDoc(root), entries: [], indicators: [], citations: [] };
    if (isRegistryDoc(root)) {
        for (const e of root.entries ?? []) {
            digest.entries.push({ head: e.head, number: e.number, tail: e.tail, subject: (e.parts ?? []).map(p => (isTextPart(p) ? p.text : '')).join('').trim() });
        }
    } else if (isDocument(root)) {
        const ids: { id: string; text: string }[] = [];
        const cited: { head?: string; number?: string; tail?: string; line: number }[] = [];
        for (const node of nodesOf(root)) {
            if (isValue(node) && node.id) ids.push({ id: node.id.slice(1), text: unescapeText(node.text ?? '') });
            else if (isCitation(node) && node.$cstNode) cited.push({ head: node.head, number: node.number?.$refText, tail: node.tail, line: startLine(node.$cstNode) });
        }
        lazy(digest, ['indicators'], () => ({
            indicators: ids.flatMap(({ id, text }) => {
                const value = lookups.value(text);
                return value.type === 'indicator' ? [{ id, detail: value.parts[0]?.name ?? value.raw }] : [];
            })
        }));
        lazy(digest, ['citations'], () => ({ citations: cited.map(c => ({ info: lookups.citation(c.head, c.number, c.tail), line: c.line })) }));
    }
    return digest;
}
