import type { LangiumDocument, LangiumDocuments, MaybePromise } from 'langium';
import type { CompletionProvider, CompletionProviderOptions } from 'langium/lsp';
import { CompletionItemKind, InsertTextFormat, type CompletionItem, type CompletionList, type CompletionParams, type Range } from 'vscode-languageserver';
import agenciesData from '../../domain/data/agencies.json' with { type: 'json' };
import sectionsData from '../../domain/data/sections.json' with { type: 'json' };
import { parseCitation } from '../../domain/citation.js';
import { isCompleteDate, shortForm } from '../../domain/dates.js';
import { awardForms, type SectionRole } from '../../domain/organisation.js';
import { units } from '../../domain/tables.js';
import { lawInForce, levelOf } from '../checks/awards.js';
import { isCitation, isSection, type Document } from '../generated/ast.js';
import type { DocumentDigest, ThiduaDocumentModel } from '../thidua-document-model.js';
import type { ThiduaServices } from '../thidua-module.js';

/** Folds Vietnamese letters to ASCII so that "chi tieu" matches "chỉ tiêu" and "bang khen" matches "Bằng khen". */
export function fold(s: string): string {
    return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase();
}

const ROMANS = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII'];
const skeletons = sectionsData.skeletons as Record<SectionRole, string[]>;

interface Item { label: string; kind: CompletionItemKind; insert: string; snippet?: boolean; detail?: string; documentation?: string; sort?: string }

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
        const openCite = line.lastIndexOf('['), closeCite = line.lastIndexOf(']');
        const openValue = line.lastIndexOf('{'), closeValue = line.lastIndexOf('}');
        // What is being typed lies in the last few words: the end-anchored patterns below only look that far back.
        const window = Math.max(0, line.length - 300);
        const before = line.slice(window);
        let items: Item[];
        let typedFrom: number;
        if (openCite > closeCite && openCite > openValue) {
            typedFrom = Math.max(lineStart + openCite + 1, lineStart + window);
            items = this.citations(document, offset);
        } else if (openValue > closeValue) {
            const inside = line.slice(Math.max(openValue + 1, window));
            const ref = /@[^\s}]*$/.exec(inside);
            const unit = /[0-9](?:[0-9.,]*[0-9])?\s*([\p{L}/]*(?:\s[\p{L}/]*){0,2})$/u.exec(inside);
            if (ref) {
                typedFrom = offset - ref[0].length;
                items = this.indicatorIds();
            } else if (unit) {
                typedFrom = offset - unit[1].length;
                items = units.map(u => ({ label: u.unit, kind: CompletionItemKind.Unit, insert: u.unit, detail: 'đơn vị' }));
            } else {
                typedFrom = offset - (/[\p{L} ]*$/u.exec(inside)?.[0].trimStart().length ?? 0);
                items = this.dates(document);
            }
        } else {
            const phrase = /(?:^|[^\p{L}])((?:[\p{L}.]+ ){0,3}[\p{L}.]*)$/u.exec(before)?.[1] ?? '';
            typedFrom = offset - phrase.length;
            const atLineStart = line.slice(0, line.length - phrase.length).trim() === '';
            items = atLineStart ? [...this.lineStarts(document, offset), ...this.prose(document)] : this.prose(document);
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
        const suffix = suffixes.find(x => x.text && items.some(i => matches(i.label, x.text))) ?? (lastWordEmpty ? { from: offset, text: '' } : undefined);
        const out: CompletionItem[] = [];
        items.forEach((i, n) => {
            if (!suffix || (suffix.text && !matches(i.label, suffix.text))) return;
            const range: Range = { start: document.textDocument.positionAt(suffix.from), end: params.position };
            out.push({
                label: i.label,
                kind: i.kind,
                detail: i.detail,
                documentation: i.documentation,
                filterText: `${fold(i.label)} ${i.label}`,
                sortText: i.sort ?? String(n).padStart(4, '0'),
                insertTextFormat: i.snippet ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
                textEdit: { range, newText: i.insert }
            });
        });
        return { isIncomplete: true, items: out };
    }

    private registryEntries(): DocumentDigest['entries'] {
        return this.documents.all.toArray().flatMap(d => this.models.digestOf(d).entries);
    }

    /** NĐ 30: the first mention is full (loại, số, ngày, cơ quan, trích yếu), later mentions are short. */
    private citations(document: LangiumDocument, offset: number): Item[] {
        const mentioned = new Set<string>();
        const root = document.parseResult.value;
        for (const c of this.models.get(root).citations) {
            if (isCitation(c.node) && c.node.number && (c.node.$cstNode?.end ?? Infinity) < offset) mentioned.add(c.node.number.$refText);
        }
        return this.registryEntries().map(e => {
            const info = parseCitation(e.head, e.number, e.tail);
            const subject = e.subject;
            if (!e.number) {
                return { label: info.name ?? info.kindText, kind: CompletionItemKind.Reference, insert: `${(e.head ?? '').trim()}]`, detail: 'văn bản được nêu tên' };
            }
            const label = `${info.kindText} số ${e.number}`;
            const date = info.date && isCompleteDate(info.date) ? ` ngày ${shortForm(info.date)}` : '';
            const full = `${label}${date}${info.issuer ? ` của ${info.issuer}` : ''}]${subject ? ` ${subject}` : ''}`;
            const first = !mentioned.has(e.number);
            return {
                label, kind: CompletionItemKind.Reference,
                insert: first ? full : `${label}]`,
                detail: first ? 'lần đầu: ghi đầy đủ' : 'đã nêu đầy đủ ở trên: ghi ngắn',
                documentation: `${label}${date}${info.issuer ? ` của ${info.issuer}` : ''}${subject ? ` ${subject}` : ''}`
            };
        });
    }

    private indicatorIds(): Item[] {
        return this.documents.all.toArray().flatMap(d => this.models.digestOf(d).indicators
            .map(i => ({ label: `@${i.id}`, kind: CompletionItemKind.Reference, insert: `@${i.id}`, detail: i.detail })));
    }

    private dates(document: LangiumDocument): Item[] {
        const now = this.today();
        const today = { day: now.getDate(), month: now.getMonth() + 1, year: now.getFullYear(), raw: '', form: 'numeric' as const };
        const year = this.models.get(document.parseResult.value).campaignYear ?? today.year;
        return [
            { label: `ngày ${shortForm(today)}`, kind: CompletionItemKind.Value, insert: `ngày ${shortForm(today)}`, detail: 'hôm nay' },
            { label: `ngày 31/12/${year}`, kind: CompletionItemKind.Value, insert: `ngày 31/12/${year}`, detail: 'cuối năm thi đua' },
            { label: 'Từ ngày ký ban hành đến hết ngày 31 tháng 12', kind: CompletionItemKind.Snippet, snippet: true, insert: `Từ ngày ký ban hành đến hết ngày 31 tháng 12 năm \${1:${year}}`, detail: 'thời gian thi đua' },
            { label: 'trước ngày', kind: CompletionItemKind.Snippet, snippet: true, insert: `trước ngày \${1:15}/\${2:12}/\${3:${year}}`, detail: 'hạn hoàn thành' },
            { label: 'kỷ niệm … năm', kind: CompletionItemKind.Snippet, snippet: true, insert: 'kỷ niệm ${1:20} năm ${2:Ngày thành lập} (${3:21/9/2002} - ${4:21/9/2022})', detail: 'đợt cao điểm' }
        ];
    }

    private lineStarts(document: LangiumDocument, offset: number): Item[] {
        const root = document.parseResult.value as Document;
        const sections = (root.body ?? []).filter(isSection).filter(s => (s.$cstNode?.offset ?? Infinity) < offset).length;
        const roman = ROMANS[sections] ?? String(sections + 1);
        const year = this.models.get(root).campaignYear ?? this.today().getFullYear();
        const items: Item[] = (Object.keys(skeletons) as SectionRole[]).map(role => {
            const [title, ...body] = skeletons[role].map(l => l.replace('{year}', String(year)));
            return {
                label: `${roman}. ${title}`, kind: CompletionItemKind.Snippet, snippet: true,
                insert: `${roman}. ${title}\n${body.map((l, i) => `\${${i + 1}:${escapeSnippet(l)}}`).join('\n')}`, detail: 'mục của văn bản'
            };
        });
        items.push(
            { label: 'chỉ tiêu', kind: CompletionItemKind.Snippet, snippet: true, insert: '${1:1}) {${2:Tên chỉ tiêu}: ${3:giá trị} ${4:đơn vị}}.', detail: 'một chỉ tiêu có số, đơn vị' },
            {
                label: 'bảng', kind: CompletionItemKind.Snippet, snippet: true, detail: 'bảng: dòng tiêu đề, dòng "---", các dòng số liệu',
                insert: '| ${1:STT} | ${2:Chỉ tiêu} | ${3:Đơn vị} | ${4:Kế hoạch} |\n|---|---|---|---|\n| 1 | ${5} | ${6} | ${7} |'
            },
            {
                label: 'bảng chấm điểm', kind: CompletionItemKind.Snippet, snippet: true, detail: 'thang điểm: tiêu chí, điểm chuẩn, thưởng, trừ',
                insert: '| STT | Tiêu chí | Điểm | < | < | Hướng dẫn chấm điểm |\n| ^ | ^ | Chuẩn | Thưởng | Trừ | ^ |\n|---|---|---|---|---|---|\n'
                    + '| I | ${1:Nhóm tiêu chí} | ${2:50} | | | |\n| 1 | ${3:Tiêu chí} | ${4:50} | | | ${5} |\n| | Tổng cộng | ${6:100} | | | |'
            },
            {
                label: 'PHỤ LỤC', kind: CompletionItemKind.Keyword, snippet: true, detail: 'phụ lục sau chữ ký',
                insert: `PHỤ LỤC\n\${1:TÊN PHỤ LỤC}\n(Kèm theo \${2:Kế hoạch} số \${3:…} ngày \${4:…} của \${5:…})\n`
            },
            { label: 'Căn cứ', kind: CompletionItemKind.Snippet, snippet: true, insert: 'Căn cứ [${1}] ${2:về …};', detail: 'căn cứ ban hành' },
            { label: 'Nơi nhận:', kind: CompletionItemKind.Keyword, snippet: true, insert: 'Nơi nhận:\n- ${1:Như trên};\n- Lưu: VT, ${2:NV}.', detail: 'NĐ 30: dòng cuối "- Lưu: VT, …"' },
            { label: 'KẾ HOẠCH', kind: CompletionItemKind.Keyword, snippet: true, insert: 'KẾ HOẠCH\n${1:Phát động phong trào thi đua năm ' + year + '}', detail: 'tên loại và trích yếu' },
            { label: 'CHỈ THỊ', kind: CompletionItemKind.Keyword, snippet: true, insert: 'CHỈ THỊ\n${1:Về việc phát động phong trào thi đua năm ' + year + '}', detail: 'tên loại và trích yếu' },
            { label: 'BÁO CÁO', kind: CompletionItemKind.Keyword, snippet: true, insert: 'BÁO CÁO\n${1:Kết quả phong trào thi đua năm ' + year + '}', detail: 'tên loại và trích yếu' },
            { label: 'Số:', kind: CompletionItemKind.Keyword, snippet: true, insert: 'Số: ${1}/${2:KH}-${3:UBND}', detail: 'số và ký hiệu' },
            { label: 'Kế hoạch mới (mẫu đầy đủ)', kind: CompletionItemKind.Snippet, snippet: true, insert: skeletonDocument('KH', year), detail: 'khung một kế hoạch phát động thi đua' },
            { label: 'Chỉ thị mới (mẫu đầy đủ)', kind: CompletionItemKind.Snippet, snippet: true, insert: skeletonDocument('CT', year), detail: 'khung một chỉ thị phát động thi đua' },
            ...agenciesData.signers.map(s => ({ label: s, kind: CompletionItemKind.Keyword, insert: s, detail: 'chức vụ, quyền hạn người ký' }))
        );
        return items;
    }

    private prose(document: LangiumDocument): Item[] {
        const model = this.models.get(document.parseResult.value);
        const law = lawInForce(model);
        const level = levelOf(model.issuer ?? '') ?? levelOf(model.signature?.authority ?? '');
        const may = level ? law.authorities.find(a => a.level === level)?.may ?? [] : awardForms.map(a => a.name);
        const awards: Item[] = awardForms.map(a => {
            const own = may.some(m => m.toLowerCase() === a.name.toLowerCase());
            return own
                ? { label: a.name, kind: CompletionItemKind.EnumMember, insert: a.name, detail: `thuộc thẩm quyền (${a.article})` }
                : { label: a.name, kind: CompletionItemKind.EnumMember, snippet: true, insert: `đề nghị \${1:cấp có thẩm quyền} tặng ${a.name}`, detail: `đề nghị cấp trên (${a.article})`, sort: 'z' + a.name };
        });
        return [
            { label: 'chỉ tiêu', kind: CompletionItemKind.Snippet, snippet: true, insert: '{${1:Tên chỉ tiêu}: ${2:giá trị} ${3:đơn vị}}', detail: 'chỉ tiêu có số, đơn vị' },
            ...agenciesData.agencies.map(a => ({ label: a, kind: CompletionItemKind.Module, insert: a, detail: 'cơ quan, đơn vị' })),
            ...awards
        ];
    }
}

function escapeSnippet(s: string): string {
    return s.replace(/[$}\\]/g, m => '\\' + m);
}

/** A whole new document of a kind, as a snippet (also used by the extension's "new from template"). */
export function skeletonDocument(kind: 'KH' | 'CT' | 'BC', year: number): string {
    const roles = (sectionsData.requiredByKind as unknown as Record<string, SectionRole[]>)[kind] ?? ['muc-tieu', 'noi-dung'];
    const title = kind === 'KH' ? 'KẾ HOẠCH' : kind === 'CT' ? 'CHỈ THỊ' : 'BÁO CÁO';
    const lines = [
        'ỦY BAN NHÂN DÂN ${1:TỈNH …}', 'ỦY BAN NHÂN DÂN ${2:HUYỆN …}', `Số: /${kind}-UBND`, '${3:Địa danh}, ngày   tháng   năm ' + year, '',
        title, `\${4:Phát động phong trào thi đua năm ${year}}`, ''
    ];
    roles.forEach((role, i) => {
        const [head, ...body] = skeletons[role].map(l => escapeSnippet(l.replace('{year}', String(year))));
        lines.push(`${ROMANS[i]}. ${head}`, ...body, '');
    });
    lines.push('Nơi nhận:', '- Như trên;', '- Lưu: VT, NV.', '');
    lines.push(...(kind === 'CT' ? ['CHỦ TỊCH'] : ['TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH']), '', '${0:Họ và tên}');
    return lines.join('\n');
}
