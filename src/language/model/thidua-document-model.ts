import { AstUtils, type AstNode, type LangiumDocument } from 'langium';
import { parseCitation, type CitationInfo } from '../../domain/citation.js';
import { blanksToSpaces, findDates, parseDate, placeDateSplit, type ViDate } from '../../domain/dates.js';
import { parseNumberLine, type DocNumber } from '../../domain/doc-number.js';
import {
    deriveAssignment,
    findAwards,
    sectionRoleOf,
    type Assignment,
    type AwardMention,
    type SectionRole
} from '../../domain/organisation.js';
import { kindByTitle, type DocumentKind } from '../../domain/tables.js';
import { parseValue, type IndicatorValue, type PeriodValue, type TypedValue } from '../../domain/values.js';
import { Attached, memoByText, shared, sharedOf } from '../../domain/memo.js';
import { buildGrid, type Grid, type GridCell } from '../../domain/table-grid.js';
import { readScoring, type ScoringTable } from '../../domain/scoring.js';
import { isAttachedLine, parseAttachedLine, type AttachedTo } from '../../domain/annex.js';
import layoutWords from '../../domain/data/layout-words.json' with { type: 'json' };
import { nodesOf } from '../syntax/ast-walk.js';
import { completeRoot, footnoteId, inlineSource, lineSource, plainText, unescapeText } from '../syntax/ast-text.js';
import { isLoaded } from '../workspace/thidua-document-factory.js';
import { startLine } from '../syntax/thidua-parser.js';
import {
    isCitation,
    isDocument,
    isRegistryDoc,
    isParagraph,
    isSection,
    isTable,
    isTextPart,
    isValue,
    type Annex,
    type BodyItem,
    type Citation,
    type Document,
    type Khoan,
    type KhoanItem,
    type Model,
    type Paragraph,
    type RegistryEntry,
    type Section,
    type SectionItem,
    type SubKhoan,
    type Table,
    type TableCell,
    type Value
} from '../generated/ast.js';

export interface IndicatorEntry {
    node: Value;
    value: IndicatorValue;
    id?: string;
    /** The number written before it: "1)" or "1." → 1. */
    number?: number;
    section?: Section;
}

export interface CitationEntry {
    node: Citation | RegistryEntry;
    info: CitationInfo;
}
export interface ValueEntry {
    node: Value;
    value: TypedValue;
}
export interface SectionEntry {
    node: Section;
    title: string;
    role?: SectionRole;
}
export interface AssignmentEntry {
    node: Khoan | SubKhoan | Paragraph;
    assignment: Assignment;
}
export interface AwardEntry {
    node: AstNode;
    mention: AwardMention;
}

/** A theme or slogan the document gives itself: chủ đề (năm …) “…”, khẩu hiệu “…”. */
export interface ThemeInfo {
    label: 'chủ đề' | 'khẩu hiệu';
    year?: number;
    text: string;
    node: AstNode;
}
/** A movement named in quotes: phong trào “…”, cuộc vận động “…”. */
export interface MovementInfo {
    name: string;
    node: AstNode;
}

/** A table: its grid (header rows, merged cells), the cell node behind each grid cell, and its scoring view. */
export interface TableEntry {
    node: Table;
    grid: Grid;
    cellNode: Map<GridCell, TableCell>;
    scoring?: ScoringTable;
    /** The paragraphs just before the table (where a stated total is written). */
    lead: string;
}

/** A Phụ lục: its heading ("Phụ lục II"), title lines and the "(Kèm theo …)" line. */
export interface AnnexEntry {
    node: Annex;
    heading: string;
    titles: Paragraph[];
    attached?: { node: Paragraph; text: string; info: AttachedTo };
}

/** A round (đợt) of the campaign: its period and its label ("Đợt 1"). */
export interface RoundEntry {
    node: Value;
    value: PeriodValue;
    label: string;
}

/** Quyền hạn lines (TM., KT., Q., TL., TUQ.), chức vụ lines, the signer's name, and stray note lines. */
export interface SignatureInfo {
    authority?: string;
    authorities: string[];
    titles: string[];
    signer?: string;
    notes: string[];
    /** "(Đã ký)" written between the chức vụ and the name in a published copy. */
    signed?: string;
    /** Signers side by side (liên tịch), each with its own quyền hạn, chức vụ and name. */
    others: { authorities: string[]; titles: string[]; signed?: string; signer?: string }[];
}

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
    /** The campaign's rounds (đợt), in document order; the campaign spans them all. */
    rounds: RoundEntry[];
    tables: TableEntry[];
    annexes: AnnexEntry[];
    /** Footnotes: references "[^1]" in the text and the lines "[^1]: …" that define them. */
    footnotes: { refs: { id: string; node: Citation }[]; definitions: Map<string, Paragraph> };
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
    /** The document's own số/ký hiệu, date and kind (what an annex in another file names in its "Kèm theo" line). */
    own?: { number?: DocNumber; date?: ViDate; kind?: string };
}

/** What a digest is made of, as plain data: saved with the folder's index for the next session. */
export interface DigestSource {
    registry: boolean;
    entries: DocumentDigest['entries'];
    own?: DocumentDigest['own'];
    /** Values with an id, and their texts. */
    ids: { id: string; text: string }[];
    /** Citations as written, and their lines (0-based). */
    cited: { head?: string; number?: string; tail?: string; line: number }[];
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

    /** Forgets every text (after a large document is closed, its texts would stay). */
    clear(): void {
        for (const memo of [this.value, this.dates, this.awards, this.citationOf]) memo.clear();
    }
}

/** Builds the typed model of a document once per parse (cached on the AST root). */
export class ThiduaDocumentModel {
    private readonly cache = new Attached<Model, DocumentModel>();
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

    private readonly digests = new Attached<Model, DocumentDigest>();
    private readonly lastDigest = new WeakMap<LangiumDocument, DocumentDigest>();

    /** The digest of a document: from its tree, or the last one made when the tree has been unloaded since. */
    digestOf(document: LangiumDocument): DocumentDigest {
        if (!isLoaded(document)) {
            const last = this.lastDigest.get(document);
            if (last) return last;
        }
        const root = document.parseResult.value as Model;
        let digest = this.digests.get(root);
        if (!digest) {
            const source = digestSourceOf(root);
            this.digests.set(root, (digest = digestFrom(source, this.lookups)));
            this.sources.set(digest, source);
        }
        this.lastDigest.set(document, digest);
        return digest;
    }

    private readonly sources = new WeakMap<DocumentDigest, DigestSource>();

    /** What the document's digest is made of (saved with the folder's index). */
    digestSourceOf(document: LangiumDocument): DigestSource | undefined {
        return this.sources.get(this.digestOf(document));
    }

    /** Gives a document without a tree the digest saved by an earlier session. */
    restoreDigest(document: LangiumDocument, source: DigestSource): void {
        const digest = digestFrom(source, this.lookups);
        this.sources.set(digest, source);
        this.lastDigest.set(document, digest);
    }

    /** What a citation or a registry entry says (looked up by its text). */
    citationInfo(c: Citation | RegistryEntry): CitationInfo {
        return this.lookups.citation(
            c.head,
            c.$type === 'Citation' ? (c as Citation).number?.$refText : (c as RegistryEntry).number,
            c.tail
        );
    }
}

export function buildModel(root: Model, lookups = new TextLookups()): DocumentModel {
    completeRoot(root);
    const model: DocumentModel = {
        sections: [],
        values: [],
        valueOf: new Map(),
        indicators: [],
        citations: [],
        assignments: [],
        awards: [],
        recipients: [],
        basis: [],
        themes: [],
        movements: [],
        closed: false,
        rounds: [],
        tables: [],
        annexes: [],
        footnotes: { refs: [], definitions: new Map() }
    };
    if (!isDocument(root)) {
        // A tree recovered from syntax errors may lack lists, or its type: read it defensively.
        for (const entry of isRegistryDoc(root) ? (root.entries ?? []) : []) {
            model.citations.push({ node: entry, info: lookups.citation(entry.head, entry.number, entry.tail) });
        }
        return model;
    }
    readHeader(root, model);
    const prose: { node: Paragraph | Khoan | SubKhoan | Section; text: string }[] = [];
    const valueNodes: Value[] = [];
    const tableNodes: Table[] = [];
    // One pass over the tree collects values, citations, sections and what prose lines say.
    for (const node of nodesOf(root)) {
        // By $type: each is a concrete type (the generated guards ask the reflection for subtypes).
        switch (node.$type) {
            case 'Value':
                valueNodes.push(node as Value);
                break;
            case 'Table':
                tableNodes.push(node as Table);
                break;
            case 'Citation': {
                const citation = node as Citation;
                const note = footnoteId(citation);
                if (note) {
                    const line = citation.$container as Paragraph;
                    const next = line.parts?.[1];
                    const defines =
                        line.$type === 'Paragraph' &&
                        line.parts[0] === citation &&
                        !line.bullet &&
                        !line.mark &&
                        next?.$type === 'TextPart' &&
                        /^\s*:/.test((next as { text: string }).text);
                    if (defines) model.footnotes.definitions.set(note, line);
                    else model.footnotes.refs.push({ id: note, node: citation });
                    break;
                }
                model.citations.push({
                    node: citation,
                    info: lookups.citation(citation.head, citation.number?.$refText, citation.tail)
                });
                break;
            }
            case 'Paragraph':
            case 'Khoan':
            case 'SubKhoan':
            case 'Section': {
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
    lazy(model, ['tables'], () => ({ tables: tableNodes.map(tableEntry) }));
    model.annexes = (root.annexes ?? []).map(annexEntry);
    lazy(model, ['values', 'valueOf', 'indicators', 'campaignPeriod', 'campaignYear', 'rounds'], () => {
        const values: ValueEntry[] = [],
            valueOf = new Map<Value, TypedValue>(),
            indicators: IndicatorEntry[] = [];
        for (const node of valueNodes) {
            const value = lookups.value(unescapeText(node.text ?? ''));
            values.push({ node, value });
            valueOf.set(node, value);
            if (value.type === 'indicator') indicators.push(indicatorEntry(node, value, lookups));
        }
        const periods = values.filter((v): v is { node: Value; value: PeriodValue } => v.value.type === 'period');
        const rounds = periods.flatMap(p => {
            const label = roundLabel(p.node, p.value);
            return label ? [{ ...p, label }] : [];
        });
        const stated = periods.find(
            p =>
                sectionOf(p.node) &&
                sectionRoleOf(titleOf(sectionOf(p.node)!)) === 'thoi-gian' &&
                !rounds.some(r => r.node === p.node)
        );
        // Elsewhere, in a campaign document (Kế hoạch, Chỉ thị …), a span from a start to an end ("đến năm 2030" alone
        // is a horizon, not the campaign; a công điện's spans are not a campaign's).
        let campaignPeriod =
            stated ??
            periods.find(
                p =>
                    model.kind !== undefined &&
                    !rounds.some(r => r.node === p.node) &&
                    p.value.start !== undefined &&
                    p.value.start.kind !== 'year' &&
                    (p.value.end?.kind === 'date' || p.value.end?.kind === 'year')
            );
        if (rounds.length && (!campaignPeriod || sectionOf(campaignPeriod.node) !== sectionOf(rounds[0].node))) {
            // A campaign held in rounds runs from the first round's start to the last round's end.
            const last = rounds[rounds.length - 1];
            campaignPeriod = {
                node: rounds[0].node,
                value: {
                    type: 'period',
                    raw: rounds.map(r => r.value.raw).join('; '),
                    start: rounds[0].value.start,
                    end: last.value.end
                }
            };
        }
        const yearOf = (p?: { value: PeriodValue }) => p?.value.end?.date?.year ?? p?.value.end?.year;
        // The year the subject names ("… năm 2014") before a span found elsewhere in the text.
        const campaignYear =
            (stated || rounds.length ? yearOf(campaignPeriod) : undefined) ??
            (Number(/năm ([0-9]{4})/u.exec(model.subject ?? '')?.[1]) || undefined) ??
            yearOf(campaignPeriod) ??
            model.date?.year;
        return { values, valueOf, indicators, campaignPeriod, campaignYear, rounds };
    });
    lazy(model, ['awards'], () => {
        const awards: AwardEntry[] = [];
        for (const { node, text } of prose) for (const mention of lookups.awards(text)) awards.push({ node, mention });
        return { awards };
    });
    lazy(model, ['assignments'], () => ({
        assignments: model.sections
            .filter(s => s.role === 'to-chuc')
            .flatMap(s =>
                s.node.items.flatMap(item => {
                    if (isTable(item)) return [];
                    const assignment = deriveAssignment(plainText(lineSource(item)));
                    return assignment ? [{ node: item, assignment }] : [];
                })
            )
    }));
    for (const item of root.body ?? []) {
        if (!isParagraph(item)) break;
        if (/^(?:Căn cứ|Thực hiện)\s/u.test(plainText(inlineSource(item.parts)).trim())) model.basis.push(item);
    }
    const lastLine = lastParagraphText(root.body ?? []);
    model.closed = /\.\/\.\s*$/.test(lastLine);
    model.recipients = root.noiNhan?.items.map(i => plainText(inlineSource(i.parts)).trim()) ?? [];
    if (root.signature) {
        const authorities = root.signature.authorities.map(a => a.trim());
        model.signature = {
            authority: authorities[0],
            authorities,
            titles: joinWrapped(
                root.signature.titles.map(t => t.trim()),
                isPositionStart
            ),
            signer: root.signature.signer ? plainText(root.signature.signer).trim() : undefined,
            signed: root.signature.signed?.trim(),
            notes: root.signature.notes.map(n => plainText(n.text).trim()),
            others: (root.signature.others ?? []).map(o => ({
                authorities: o.authorities.map(a => a.trim()),
                titles: joinWrapped(
                    o.titles.map(t => t.trim()),
                    isPositionStart
                ),
                signer: o.signer ? plainText(o.signer).trim() : undefined,
                signed: o.signed?.trim()
            }))
        };
        // A quyền hạn wrapped over two lines ("TM. ỦY BAN NHÂN" / "DÂN") continues on the first chức vụ line.
        const sig = model.signature;
        while (sig.authorities.length && sig.titles.length > 1 && !isPositionStart(sig.titles[0])) {
            sig.authorities[sig.authorities.length - 1] += ' ' + sig.titles.shift();
        }
        sig.authority = sig.authorities[0];
    }
    return model;
}

/** Makes `keys` computed together on the first read of one of them, then plain properties. */
function lazy<T extends object, K extends keyof T>(target: T, keys: K[], compute: () => Pick<T, K>): void {
    const read = () => {
        const values = compute();
        for (const k of keys)
            Object.defineProperty(target, k, {
                value: values[k],
                configurable: true,
                enumerable: true,
                writable: true
            });
    };
    for (const key of keys) {
        Object.defineProperty(target, key, {
            configurable: true,
            enumerable: true,
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
    if (isTable(last)) return '';
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
        if (
            (/(?:phong trào|cuộc vận động|thi đua)[^.;“”]{0,40}$/u.test(before) &&
                !/chủ đề[^“”]{0,40}$/u.test(before)) ||
            chained
        ) {
            out.push(m[1].trim());
            lastEnd = m.index + m[0].length;
        } else {
            lastEnd = -1;
        }
    }
    return out;
}

function readHeader(doc: Document, model: DocumentModel): void {
    const agencies = joinAgencyLines((doc.headerLines ?? []).flatMap(h => (h.agency ? [h.agency.trim()] : [])));
    if (agencies.length >= 2) {
        model.parentAgency = agencies[0];
        model.issuer = agencies.slice(1).join(' ');
    } else if (agencies.length === 1) {
        model.issuer = agencies[0];
    }
    if (doc.numberLine) model.number = parseNumberLine(doc.numberLine);
    if (doc.placeDate) {
        const placeDate = doc.placeDate.replace(/\s+/g, ' ');
        const at = placeDateSplit(placeDate);
        model.place = placeDate.slice(0, at).replace(/,\s*$/, '').trim();
        model.date = parseDate(blanksToSpaces(placeDate.slice(at).trim()));
    }
    if (doc.kind) {
        model.kindTitle = doc.kind.trim();
        model.kind = kindByTitle(model.kindTitle);
    }
    if (doc.subject) model.subject = plainText(lineSource(doc.subject)).trim();
}

const ADMIN_UNIT = new RegExp(`^(?:${layoutWords.adminUnits.join('|')})(?![\\p{L}])`, 'u');
const HAS_ADMIN_UNIT = new RegExp(`(?<![\\p{L}])(?:${layoutWords.adminUnits.join('|')})(?![\\p{L}])`, 'u');
const POSITION = new RegExp(`^(?:${layoutWords.positions.map(p => p.replace('.', '\\.')).join('|')})(?![\\p{L}])`, 'u');

export function isPositionStart(line: string): boolean {
    return POSITION.test(line.trim());
}

/**
 * Agency lines as the header means them: a line that starts with an administrative unit ("TỈNH LAI CHÂU")
 * under one that names none ("ỦY BAN NHÂN DÂN") is the same name wrapped.
 */
export function joinAgencyLines(lines: string[]): string[] {
    const out: string[] = [];
    for (const line of lines) {
        const prev = out[out.length - 1];
        if (prev !== undefined && ADMIN_UNIT.test(line) && !HAS_ADMIN_UNIT.test(prev))
            out[out.length - 1] = `${prev} ${line}`;
        else out.push(line);
    }
    return out;
}

/** Lines joined where a line does not start a new item (`starts` false): a long chức vụ wrapped in two. */
function joinWrapped(lines: string[], starts: (line: string) => boolean): string[] {
    const out: string[] = [];
    for (const line of lines) {
        if (out.length && !starts(line)) out[out.length - 1] += ' ' + line;
        else out.push(line);
    }
    return out;
}

const ROUND = new RegExp(`(${layoutWords.rounds})\\s*[:\\-–,]?\\s*$`, 'iu');

/** "Đợt 1" when the period's value or the text just before it on its line names a round. */
function roundLabel(node: Value, value: PeriodValue): string | undefined {
    if (value.round) return value.round;
    const parts = (node.$container as { parts?: readonly AstNode[] } | undefined)?.parts ?? [];
    let before = '';
    for (const p of parts) {
        if (p === node) break;
        before = isTextPart(p) ? before + p.text : '';
    }
    const m = ROUND.exec(plainText(before).slice(-40));
    return m ? capitalise(m[1].replace(/\s+/g, ' ')) : undefined;
}

function capitalise(s: string): string {
    return s.charAt(0).toUpperCase() + s.slice(1);
}

function cellSource(cell: TableCell): string {
    return inlineSource(cell.parts ?? []).trim();
}

function tableEntry(node: Table): TableEntry {
    const cellNode = new Map<GridCell, TableCell>();
    const written = node.rows.map(r => r.cells.map(cellSource));
    const grid = buildGrid(written);
    for (const row of grid.rows)
        for (const cell of row.cells) cellNode.set(cell, node.rows[cell.row].cells[cell.index]);
    const container = node.$container as { items?: readonly AstNode[]; body?: readonly AstNode[] } | undefined;
    const siblings = container?.items ?? container?.body ?? [];
    const at = siblings.indexOf(node);
    const lead = siblings
        .slice(Math.max(0, at - 3), at)
        .concat(node.$container ? [node.$container] : [])
        .map(n => ('parts' in n ? plainText(inlineSource((n as Paragraph).parts ?? [])) : ''))
        .join('\n');
    return { node, grid, cellNode, scoring: readScoring(grid), lead };
}

function annexEntry(node: Annex): AnnexEntry {
    const entry: AnnexEntry = { node, heading: (node.heading ?? '').trim(), titles: [] };
    for (const item of (node.body ?? []).slice(0, 6)) {
        if (!isParagraph(item)) break;
        const text = plainText(lineSource(item)).trim();
        if (isAttachedLine(text)) {
            entry.attached = { node: item, text, info: parseAttachedLine(text)! };
            break;
        }
        entry.titles.push(item);
    }
    // Without a "Kèm theo" line the title is the lines in capitals under the heading (NĐ 30: tên phụ lục in hoa).
    if (!entry.attached) {
        const caps = entry.titles.findIndex(t => {
            const text = plainText(lineSource(t)).trim();
            return !(t.parts.every(p => isTextPart(p)) && text === text.toUpperCase() && /\p{Lu}/u.test(text));
        });
        entry.titles = entry.titles.slice(0, caps < 0 ? entry.titles.length : caps).slice(0, 3);
    }
    return entry;
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
        const values = line.parts
            .filter(isValue)
            .filter(v => lookups.value(unescapeText(v.text ?? '')).type === 'indicator');
        const n = /^\**\(?([0-9]+)[.)]/.exec(line.mark.trim());
        if (n && values.length === 1) entry.number = Number(n[1]);
    }
    return entry;
}

/** What the digest of a tree is made of: the texts of its registry entries, own number, ids and citations. */
function digestSourceOf(root: Model): DigestSource {
    const source: DigestSource = { registry: isRegistryDoc(root), entries: [], ids: [], cited: [] };
    if (isRegistryDoc(root)) {
        for (const e of root.entries ?? []) {
            source.entries.push({
                head: sharedOf(e.head),
                number: sharedOf(e.number),
                tail: sharedOf(e.tail),
                subject: shared(
                    (e.parts ?? [])
                        .map(p => (isTextPart(p) ? p.text : ''))
                        .join('')
                        .trim()
                )
            });
        }
    } else if (isDocument(root)) {
        if (root.numberLine && root.kind) {
            const placeDate = shared(root.placeDate?.replace(/\s+/g, ' ') ?? '');
            const at = placeDate.indexOf(', ngày');
            source.own = {
                number: parseNumberLine(shared(root.numberLine)),
                kind: kindByTitle(root.kind.trim())?.name,
                date: at >= 0 ? parseDate(placeDate.slice(at + 1).trim()) : undefined
            };
        }
        for (const node of nodesOf(root)) {
            if (isValue(node) && node.id)
                source.ids.push({ id: shared(node.id.slice(1)), text: shared(unescapeText(node.text ?? '')) });
            else if (isCitation(node) && node.$cstNode && !footnoteId(node))
                source.cited.push({
                    head: sharedOf(node.head),
                    number: sharedOf(node.number?.$refText),
                    tail: sharedOf(node.tail),
                    line: startLine(node.$cstNode)
                });
        }
    }
    return source;
}

/** The digest made of its source; its values and citations are parsed when first read (start-up digests every file). */
function digestFrom(source: DigestSource, lookups: TextLookups): DocumentDigest {
    const digest: DocumentDigest = {
        registry: source.registry,
        entries: source.entries,
        indicators: [],
        citations: []
    };
    if (source.own) digest.own = source.own;
    lazy(digest, ['indicators'], () => ({
        indicators: source.ids.flatMap(({ id, text }) => {
            const value = lookups.value(text);
            return value.type === 'indicator' ? [{ id, detail: value.parts[0]?.name ?? value.raw }] : [];
        })
    }));
    lazy(digest, ['citations'], () => ({
        citations: source.cited.map(c => ({ info: lookups.citation(c.head, c.number, c.tail), line: c.line }))
    }));
    return digest;
}
