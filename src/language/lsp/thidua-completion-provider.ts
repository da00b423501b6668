import type { LangiumDocument, LangiumDocuments, MaybePromise } from 'langium';
import type { CompletionProvider, CompletionProviderOptions } from 'langium/lsp';
import {
    CompletionItemKind,
    InsertTextFormat,
    type CompletionItem,
    type CompletionList,
    type CompletionParams,
    type Range
} from 'vscode-languageserver';
import agenciesData from '../../domain/data/agencies.json' with { type: 'json' };
import sectionsData from '../../domain/data/sections.json' with { type: 'json' };
import { parseCitation } from '../../domain/citation.js';
import { isCompleteDate, shortForm } from '../../domain/dates.js';
import { awardForms, requiredParts, type SectionRole } from '../../domain/organisation.js';
import { units } from '../../domain/tables.js';
import { lawInForce, levelOf } from '../../domain/award-law.js';
import { isCitation, isSection, type Document } from '../generated/ast.js';
import type { DocumentDigest, ThiduaDocumentModel } from '../model/thidua-document-model.js';
import type { ThiduaServices } from '../thidua-module.js';
import { fold } from '../../domain/fold.js';

const ROMANS = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII'];
const skeletons = sectionsData.skeletons as Record<SectionRole, string[]>;

/** One list marker: bullet, "1)", "1.", "1.2.", "(1)", "a)", "a.", "(a)", "II.". */
const MARK = String.raw`(?:[-+•*]|\(\d+\)|\d+(?:\.\d+)*[.)]|\([a-zđ]\)|[a-zđ][.)]|[IVXLC]+\.)`;
/** The markers a line starts with (indented, possibly two: "- 1) "), each followed by a space. */
const LIST_MARKER = new RegExp(`^[ \\t]*(?:${MARK}[ \\t]+)+`, 'u');
const PAIRS = { '[': ']', '{': '}' } as const;

interface Item {
    label: string;
    kind: CompletionItemKind;
    insert: string;
    snippet?: boolean;
    detail?: string;
    documentation?: string;
    sort?: string;
}

/**
 * Completion by context: inside [ ] the registry's documents (full form at the first mention, short after);
 * inside { } units, indicator ids and dates; at the start of a line the document's parts as snippets;
 * in prose indicators, agencies and the awards the issuer may confer. Matching ignores diacritics.
 */
export class ThiduaCompletionProvider implements CompletionProvider {
    readonly completionOptions: CompletionProviderOptions = { triggerCharacters: ['[', '{', '@'] };
    private readonly models: ThiduaDocumentModel;
    private readonly documents: LangiumDocuments;
    /** The clock, replaceable in tests. */
    today: () => Date = () => new Date();

    constructor(services: ThiduaServices) {
        this.models = services.model.DocumentModel;
        this.documents = services.shared.workspace.LangiumDocuments;
    }

    getCompletion(document: LangiumDocument, params: CompletionParams): MaybePromise<CompletionList | undefined> {
        const text = document.textDocument.getText();
        const offset = document.textDocument.offsetAt(params.position);
        const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
        const line = text.slice(lineStart, offset);
        const openCite = line.lastIndexOf('['),
            closeCite = line.lastIndexOf(']');
        const openValue = line.lastIndexOf('{'),
            closeValue = line.lastIndexOf('}');
        // What is being typed lies in the last few words: the end-anchored patterns below only look that far back.
        const window = Math.max(0, line.length - 300);
        const lineEnd = /[^\r\n]*/y;
        lineEnd.lastIndex = offset;
        const after = lineEnd.exec(text)?.[0] ?? '';
        const year = this.models.get(document.parseResult.value).campaignYear ?? this.today().getFullYear();
        let items: Item[];
        let typedFrom: number;
        // The bracket already open where the cursor is: an item's own opener is not inserted again.
        let open: keyof typeof PAIRS | undefined;
        if (openCite > closeCite && openCite > openValue) {
            open = '[';
            typedFrom = Math.max(lineStart + openCite + 1, lineStart + window);
            // Text after the "]" already says what follows: the full form leaves out the subject.
            const followed = /^\][ \t]*[^\s;.,:]/u.test(after);
            const own = bracketed(year).filter(i => i.insert.startsWith('['));
            items = [...this.citations(document, offset, followed), ...own];
        } else if (openValue > closeValue) {
            open = '{';
            const inside = line.slice(Math.max(openValue + 1, window));
            const ref = /@[^\s}]*$/.exec(inside);
            const unit = /[0-9](?:[0-9.,]*[0-9])?\s*([\p{L}/]*(?:\s[\p{L}/]*){0,2})$/u.exec(inside);
            if (ref) {
                typedFrom = offset - ref[0].length;
                items = this.indicatorIds();
            } else if (unit) {
                typedFrom = offset - unit[1].length;
                items = units.map(u => ({
                    label: u.unit,
                    kind: CompletionItemKind.Unit,
                    insert: u.unit,
                    detail: 'đơn vị'
                }));
            } else {
                typedFrom = offset - (/[\p{L} ]*$/u.exec(inside)?.[0].trimStart().length ?? 0);
                items = [...this.dates(document), ...bracketed(year).filter(i => i.insert.startsWith('{'))];
            }
        } else {
            // A list marker already typed ("- ", "1) ", "a. ", "II. " …) is not part of the phrase.
            const marker = LIST_MARKER.exec(line)?.[0] ?? '';
            const rest = line.slice(Math.max(window, marker.length));
            const phrase = /(?:^|[^\p{L}])((?:[\p{L}.]+ ){0,3}[\p{L}.]*)$/u.exec(rest)?.[1] ?? '';
            typedFrom = offset - phrase.length;
            const lead = line.slice(0, line.length - phrase.length);
            const [indicator, ...others] = bracketed(year);
            const prose = [indicator, ...this.prose(document), ...others];
            if (lead.trim() === '') items = [...this.lineStarts(document, offset), ...prose];
            else if (marker === lead) items = [...this.afterMarker(document, marker), ...prose];
            else items = prose;
        }
        // The typed phrase may be the last one to four words.
        const typed = text.slice(typedFrom, offset);
        const starts = [0, ...[...typed.matchAll(/\s+(?=\S)/gu)].map(m => m.index + m[0].length)];
        const suffixes = starts.map(i => ({ from: typedFrom + i, text: fold(typed.slice(i)).trim() }));
        const lastWordEmpty = /(^|\s)$/u.test(typed);
        const matches = (label: string, want: string) => {
            const f = fold(label);
            return f.startsWith(want) || f.includes(' ' + want) || f.replace(/[^a-z0-9 @]/g, '').startsWith(want);
        };
        // The longest typed phrase that some item matches decides: "bang khen" keeps "Bằng khen", not "Giấy khen".
        const suffix =
            suffixes.find(x => x.text && items.some(i => matches(i.label, x.text))) ??
            (lastWordEmpty ? { from: offset, text: '' } : undefined);
        const out: CompletionItem[] = [];
        items.forEach((i, n) => {
            if (!suffix || (suffix.text && !matches(i.label, suffix.text))) return;
            let insert = i.insert;
            if (open && insert.startsWith(open)) insert = insert.slice(1);
            // An item that closes the open bracket replaces the closer the editor added after the cursor.
            const plain = i.snippet ? snippetText(insert) : insert;
            const closes = Object.entries(PAIRS).some(
                ([o, c]) => after.startsWith(c) && tally(plain, c) > tally(plain, o)
            );
            const end = closes ? document.textDocument.positionAt(offset + 1) : params.position;
            const range: Range = { start: document.textDocument.positionAt(suffix.from), end };
            out.push({
                label: i.label,
                kind: i.kind,
                detail: i.detail,
                documentation: i.documentation,
                filterText: `${fold(i.label)} ${i.label}`,
                sortText: i.sort ?? String(n).padStart(4, '0'),
                insertTextFormat: i.snippet ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
                textEdit: { range, newText: insert }
            });
        });
        return { isIncomplete: true, items: out };
    }

    private registryEntries(): DocumentDigest['entries'] {
        return this.documents.all.toArray().flatMap(d => this.models.digestOf(d).entries);
    }

    /** NĐ 30: the first mention is full (loại, số, ngày, cơ quan, trích yếu), later mentions are short. */
    private citations(document: LangiumDocument, offset: number, followed: boolean): Item[] {
        const mentioned = new Set<string>();
        const root = document.parseResult.value;
        for (const c of this.models.get(root).citations) {
            if (isCitation(c.node) && c.node.number && (c.node.$cstNode?.end ?? Infinity) < offset)
                mentioned.add(c.node.number.$refText);
        }
        return this.registryEntries().map(e => {
            const info = parseCitation(e.head, e.number, e.tail);
            const subject = e.subject;
            if (!e.number) {
                return {
                    label: info.name ?? info.kindText,
                    kind: CompletionItemKind.Reference,
                    insert: `${(e.head ?? '').trim()}]`,
                    detail: 'văn bản được nêu tên'
                };
            }
            const label = `${info.kindText} số ${e.number}`;
            const date = info.date && isCompleteDate(info.date) ? ` ngày ${shortForm(info.date)}` : '';
            const about = subject && !followed ? ` ${subject}` : '';
            const full = `${label}${date}${info.issuer ? ` của ${info.issuer}` : ''}]${about}`;
            const first = !mentioned.has(e.number);
            return {
                label,
                kind: CompletionItemKind.Reference,
                insert: first ? full : `${label}]`,
                detail: first ? 'lần đầu: ghi đầy đủ' : 'đã nêu đầy đủ ở trên: ghi ngắn',
                documentation: `${label}${date}${info.issuer ? ` của ${info.issuer}` : ''}${subject ? ` ${subject}` : ''}`
            };
        });
    }

    private indicatorIds(): Item[] {
        return this.documents.all.toArray().flatMap(d =>
            this.models.digestOf(d).indicators.map(i => ({
                label: `@${i.id}`,
                kind: CompletionItemKind.Reference,
                insert: `@${i.id}`,
                detail: i.detail
            }))
        );
    }

    private dates(document: LangiumDocument): Item[] {
        const now = this.today();
        const today = {
            day: now.getDate(),
            month: now.getMonth() + 1,
            year: now.getFullYear(),
            raw: '',
            form: 'numeric' as const
        };
        const year = this.models.get(document.parseResult.value).campaignYear ?? today.year;
        return [
            {
                label: `ngày ${shortForm(today)}`,
                kind: CompletionItemKind.Value,
                insert: `ngày ${shortForm(today)}`,
                detail: 'hôm nay'
            },
            {
                label: `ngày 31/12/${year}`,
                kind: CompletionItemKind.Value,
                insert: `ngày 31/12/${year}`,
                detail: 'cuối năm thi đua'
            },
            {
                label: 'Từ ngày ký ban hành đến hết ngày 31 tháng 12',
                kind: CompletionItemKind.Snippet,
                snippet: true,
                insert: `Từ ngày ký ban hành đến hết ngày 31 tháng 12 năm \${1:${year}}`,
                detail: 'thời gian thi đua'
            },
            {
                label: 'trước ngày',
                kind: CompletionItemKind.Snippet,
                snippet: true,
                insert: `trước ngày \${1:15}/\${2:12}/\${3:${year}}`,
                detail: 'hạn hoàn thành'
            },
            {
                label: 'kỷ niệm … năm',
                kind: CompletionItemKind.Snippet,
                snippet: true,
                insert: 'kỷ niệm ${1:20} năm ${2:Ngày thành lập} (${3:21/9/2002} - ${4:21/9/2022})',
                detail: 'đợt cao điểm'
            }
        ];
    }

    /** The sections' skeletons, numbered after those before offset ("IV. …"), or unnumbered without one. */
    private sections(document: LangiumDocument, offset?: number): Item[] {
        const root = document.parseResult.value as Document;
        const before = (root.body ?? []).filter(s => isSection(s) && (s.$cstNode?.offset ?? Infinity) < (offset ?? 0));
        const roman = offset === undefined ? '' : `${ROMANS[before.length] ?? String(before.length + 1)}. `;
        const year = this.models.get(root).campaignYear ?? this.today().getFullYear();
        return (Object.keys(skeletons) as SectionRole[]).map(role => {
            const [title, ...body] = skeletons[role].map(l => l.replace('{year}', String(year)));
            return {
                label: `${roman}${title}`,
                kind: CompletionItemKind.Snippet,
                snippet: true,
                detail: 'mục của văn bản',
                insert: `${roman}${title}\n${body.map((l, i) => `\${${i + 1}:${escapeSnippet(l)}}`).join('\n')}`
            };
        });
    }

    /** After a typed list marker: nothing that brings a marker of its own (a section's title after "II. "). */
    private afterMarker(document: LangiumDocument, marker: string): Item[] {
        const items = /^[IVXLC]+\.$/.test(marker.trim()) ? this.sections(document) : [];
        return [...items, CAN_CU];
    }

    private lineStarts(document: LangiumDocument, offset: number): Item[] {
        const root = document.parseResult.value as Document;
        const year = this.models.get(root).campaignYear ?? this.today().getFullYear();
        const items = this.sections(document, offset);
        items.push(
            {
                label: 'chỉ tiêu',
                kind: CompletionItemKind.Snippet,
                snippet: true,
                insert: '${1:1}) {${2:Tên chỉ tiêu}: ${3:giá trị} ${4:đơn vị}}.',
                detail: 'một chỉ tiêu có số, đơn vị'
            },
            {
                label: 'bảng',
                kind: CompletionItemKind.Snippet,
                snippet: true,
                detail: 'bảng: dòng tiêu đề, dòng "---", các dòng số liệu',
                insert: '| ${1:STT} | ${2:Chỉ tiêu} | ${3:Đơn vị} | ${4:Kế hoạch} |\n|---|---|---|---|\n| 1 | ${5} | ${6} | ${7} |'
            },
            {
                label: 'bảng chấm điểm',
                kind: CompletionItemKind.Snippet,
                snippet: true,
                detail: 'thang điểm: tiêu chí, điểm chuẩn, thưởng, trừ',
                insert:
                    '| STT | Tiêu chí | Điểm | < | < | Hướng dẫn chấm điểm |\n| ^ | ^ | Chuẩn | Thưởng | Trừ | ^ |\n|---|---|---|---|---|---|\n' +
                    '| I | ${1:Nhóm tiêu chí} | ${2:50} | | | |\n| 1 | ${3:Tiêu chí} | ${4:50} | | | ${5} |\n| | Tổng cộng | ${6:100} | | | |'
            },
            {
                label: 'PHỤ LỤC',
                kind: CompletionItemKind.Keyword,
                snippet: true,
                detail: 'phụ lục sau chữ ký',
                insert: `PHỤ LỤC\n\${1:TÊN PHỤ LỤC}\n(Kèm theo \${2:Kế hoạch} số \${3:…} ngày \${4:…} của \${5:…})\n`
            },
            CAN_CU,
            {
                label: 'Nơi nhận:',
                kind: CompletionItemKind.Keyword,
                snippet: true,
                insert: 'Nơi nhận:\n- ${1:Như trên};\n- Lưu: VT, ${2:NV}.',
                detail: 'NĐ 30: dòng cuối "- Lưu: VT, …"'
            },
            {
                label: 'KẾ HOẠCH',
                kind: CompletionItemKind.Keyword,
                snippet: true,
                insert: 'KẾ HOẠCH\n${1:Phát động phong trào thi đua năm ' + year + '}',
                detail: 'tên loại và trích yếu'
            },
            {
                label: 'CHỈ THỊ',
                kind: CompletionItemKind.Keyword,
                snippet: true,
                insert: 'CHỈ THỊ\n${1:Về việc phát động phong trào thi đua năm ' + year + '}',
                detail: 'tên loại và trích yếu'
            },
            {
                label: 'BÁO CÁO',
                kind: CompletionItemKind.Keyword,
                snippet: true,
                insert: 'BÁO CÁO\n${1:Kết quả phong trào thi đua năm ' + year + '}',
                detail: 'tên loại và trích yếu'
            },
            {
                label: 'Số:',
                kind: CompletionItemKind.Keyword,
                snippet: true,
                insert: 'Số: ${1}/${2:KH}-${3:UBND}',
                detail: 'số và ký hiệu'
            },
            {
                label: 'Kế hoạch mới (mẫu đầy đủ)',
                kind: CompletionItemKind.Snippet,
                snippet: true,
                insert: skeletonDocument('KH', year),
                detail: 'khung một kế hoạch phát động thi đua'
            },
            {
                label: 'Chỉ thị mới (mẫu đầy đủ)',
                kind: CompletionItemKind.Snippet,
                snippet: true,
                insert: skeletonDocument('CT', year),
                detail: 'khung một chỉ thị phát động thi đua'
            },
            ...agenciesData.signers.map(s => ({
                label: s,
                kind: CompletionItemKind.Keyword,
                insert: s,
                detail: 'chức vụ, quyền hạn người ký'
            }))
        );
        return items;
    }

    private prose(document: LangiumDocument): Item[] {
        const model = this.models.get(document.parseResult.value);
        const law = lawInForce(model);
        const level = levelOf(model.issuer ?? '') ?? levelOf(model.signature?.authority ?? '');
        const may = level ? (law.authorities.find(a => a.level === level)?.may ?? []) : awardForms.map(a => a.name);
        const awards: Item[] = awardForms.map(a => {
            const own = may.some(m => m.toLowerCase() === a.name.toLowerCase());
            return own
                ? {
                      label: a.name,
                      kind: CompletionItemKind.EnumMember,
                      insert: a.name,
                      detail: `thuộc thẩm quyền (${a.article})`
                  }
                : {
                      label: a.name,
                      kind: CompletionItemKind.EnumMember,
                      snippet: true,
                      insert: `đề nghị \${1:cấp có thẩm quyền} tặng ${a.name}`,
                      detail: `đề nghị cấp trên (${a.article})`,
                      sort: 'z' + a.name
                  };
        });
        return [
            ...agenciesData.agencies.map(a => ({
                label: a,
                kind: CompletionItemKind.Module,
                insert: a,
                detail: 'cơ quan, đơn vị'
            })),
            ...awards
        ];
    }
}

const CAN_CU: Item = {
    label: 'Căn cứ',
    kind: CompletionItemKind.Snippet,
    snippet: true,
    detail: 'căn cứ ban hành',
    insert: 'Căn cứ [${1}] ${2:về …};'
};

/** Items that bring their brackets: offered in prose whole, inside an open bracket without its opener. */
function bracketed(year: number): Item[] {
    return [
        {
            label: 'chỉ tiêu',
            kind: CompletionItemKind.Snippet,
            snippet: true,
            detail: 'chỉ tiêu có số, đơn vị',
            insert: '{${1:Tên chỉ tiêu}: ${2:giá trị} ${3:đơn vị}}'
        },
        {
            label: 'trích dẫn',
            kind: CompletionItemKind.Snippet,
            snippet: true,
            detail: 'trích dẫn một văn bản',
            insert: '[${1:Chỉ thị} số ${2:34-CT/TW} ngày ${3:07/4/2014} của ${4:Bộ Chính trị}]'
        },
        {
            label: 'thời gian thi đua',
            kind: CompletionItemKind.Snippet,
            snippet: true,
            detail: 'thời gian thi đua',
            insert: `{Từ ngày ký ban hành đến hết ngày 31 tháng 12 năm \${1:${year}}}`
        }
    ];
}

function escapeSnippet(s: string): string {
    return s.replace(/[$}\\]/g, m => '\\' + m);
}

/** The text a snippet inserts when its placeholders keep their defaults (the first choice). */
export function snippetText(s: string): string {
    const syntax = /\$\{\d+(?::|\|([^|]*)\|\}|\})|\$\d+/y;
    let out = '',
        depth = 0;
    for (let i = 0; i < s.length; i++) {
        syntax.lastIndex = i;
        const m = syntax.exec(s);
        if (m) {
            if (m[0].endsWith(':')) depth++;
            else if (m[1] !== undefined) out += m[1].split(',')[0];
            i += m[0].length - 1;
        } else if (s[i] === '\\' && i + 1 < s.length) out += s[++i];
        else if (s[i] === '}' && depth > 0) depth--;
        else out += s[i];
    }
    return out;
}

function tally(s: string, c: string): number {
    return s.split(c).length - 1;
}

/** The template's lines that the extension's settings fill in. */
const GOVERNING_LINE = 'ỦY BAN NHÂN DÂN TỈNH ${1:TÊN TỈNH}';
/** Since 01/7/2025 local government has two levels, tỉnh and xã (Luật 72/2025/QH15 Điều 2): the issuer is a xã's. */
const issuerLine = (year: number) =>
    year >= 2026 ? 'ỦY BAN NHÂN DÂN XÃ ${2:TÊN XÃ}' : 'ỦY BAN NHÂN DÂN HUYỆN ${2:TÊN HUYỆN}';
const SIGNER_LINE = '${0:Họ và tên}';

/**
 * A whole new document of a kind, as a snippet. Its tab stops select only what is to be typed (a name, the
 * place, the subject), never the level words around them.
 */
export function skeletonDocument(kind: 'KH' | 'CT' | 'BC', year: number): string {
    const roles = requiredParts(kind) ?? ['muc-tieu', 'noi-dung'];
    const title = kind === 'KH' ? 'KẾ HOẠCH' : kind === 'CT' ? 'CHỈ THỊ' : 'BÁO CÁO';
    const lines = [
        GOVERNING_LINE,
        issuerLine(year),
        `Số: /${kind}-UBND`,
        '${3:Địa danh}, ngày   tháng   năm ' + year,
        '',
        title,
        `\${4:Phát động phong trào thi đua năm ${year}}`,
        ''
    ];
    roles.forEach((role, i) => {
        const [head, ...body] = skeletons[role].map(l => escapeSnippet(l.replace('{year}', String(year))));
        lines.push(`${ROMANS[i]}. ${head}`, ...body, '');
    });
    lines.push('Nơi nhận:', '- Như trên;', '- Lưu: VT, NV.', '');
    lines.push(...(kind === 'CT' ? ['CHỦ TỊCH'] : ['TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH']), '', SIGNER_LINE);
    return lines.join('\n');
}

/**
 * "New from template": the skeleton with the configured issuer (the whole issuer line) and
 * signer filled in, as literal snippet text. Blank options keep the placeholders.
 */
export function templateSnippet(
    kind: 'KH' | 'CT' | 'BC',
    year: number,
    options: { issuer?: string; signer?: string } = {}
): string {
    const literal = (s: string | undefined) => escapeSnippet((s ?? '').normalize('NFC').replace(/\s+/gu, ' ').trim());
    const issuer = literal(options.issuer),
        signer = literal(options.signer);
    return skeletonDocument(kind, year)
        .split('\n')
        .map(l => (l === issuerLine(year) && issuer ? issuer : l === SIGNER_LINE && signer ? signer : l))
        .join('\n');
}
