import { AstUtils, CstUtils, type LangiumDocument, type MaybePromise } from 'langium';
import type { HoverProvider } from 'langium/lsp';
import type { Hover, HoverParams } from 'vscode-languageserver';
import { parseCitation } from '../../domain/citation.js';
import { findDates, isCompleteDate, shortForm } from '../../domain/dates.js';
import { findAwards } from '../../domain/organisation.js';
import { lawInForce } from '../../domain/award-law.js';
import { formatViNumber } from '../../domain/numbers.js';
import { reportOf } from '../model/thidua-report.js';
import {
    isCitation,
    isRegistryEntry,
    isTextPart,
    isValue,
    type Citation,
    type Model,
    type RegistryEntry
} from '../generated/ast.js';
import type { ThiduaServices } from '../thidua-module.js';
import type { ThiduaDocumentModel } from '../model/thidua-document-model.js';
import { dateMarkdown, indicatorMarkdown, readingLabel } from './describe.js';
import { columnRole, roleLabel } from '../../domain/scoring.js';
import { footnoteId, inlineSource, plainText } from '../syntax/ast-text.js';

/**
 * Hover: a citation shows its registry entry; an indicator its target in words; a date its weekday; an award who may
 * confer it.
 */
export class ThiduaHoverProvider implements HoverProvider {
    private readonly models: ThiduaDocumentModel;
    /** The clock, replaceable in tests. */
    today: () => Date = () => new Date();

    constructor(services: ThiduaServices) {
        this.models = services.model.DocumentModel;
    }

    getHoverContent(document: LangiumDocument, params: HoverParams): MaybePromise<Hover | undefined> {
        const root = document.parseResult.value.$cstNode;
        if (!root) return undefined;
        const offset = document.textDocument.offsetAt(params.position);
        const leaf = CstUtils.findLeafNodeAtOffset(root, offset);
        const node = leaf?.astNode;
        if (!leaf || !node) return undefined;
        const within = offset - leaf.offset;
        let value: string | undefined;
        if (isCitation(node)) value = this.citation(node);
        else if (isRegistryEntry(node)) value = this.entry(node, document);
        else if (isValue(node)) value = this.value(node, leaf.text, within);
        else if (isTextPart(node)) value = this.tableHeading(node) ?? this.prose(leaf.text, within, node);
        return value ? { contents: { kind: 'markdown', value }, range: leaf.range } : undefined;
    }

    private citation(c: Citation): string {
        const note = footnoteId(c);
        if (note) {
            const line = this.models.get(c).footnotes.definitions.get(note);
            return line
                ? `**Chú thích ${note}**\n\n${plainText(inlineSource(line.parts.slice(1))).replace(/^\s*:\s*/, '')}`
                : `**Chú thích ${note}** — chưa có dòng "[^${note}]: …" ghi nội dung chú thích.`;
        }
        const entry = c.number?.ref;
        if (entry) return this.entry(entry, AstUtils.getDocument(entry));
        const info = parseCitation(c.head, c.number?.$refText, c.tail);
        const what = [info.kindText, c.number?.$refText].filter(Boolean).join(' số ');
        return `**${what || info.name}**\n\nChưa có trong sổ văn bản của thư mục: chưa kiểm tra được ngày và cơ quan ban hành.`;
    }

    private entry(e: RegistryEntry, doc: LangiumDocument): string {
        const info = parseCitation(e.head, e.number, e.tail);
        const subject = e.parts
            .map(p => (isTextPart(p) ? p.text : ''))
            .join('')
            .trim();
        const lines = [`**${info.kindText}${e.number ? ` số ${e.number}` : ''}**`];
        if (info.date) lines.push(`Ngày ban hành: ${isCompleteDate(info.date) ? shortForm(info.date) : info.date.raw}`);
        if (info.issuer) lines.push(`Cơ quan ban hành: ${info.issuer}`);
        if (subject) lines.push(`Trích yếu: ${subject}`);
        lines.push(`Sổ văn bản: ${doc.uri.path.split('/').pop()}, dòng ${(e.$cstNode?.range.start.line ?? 0) + 1}`);
        return lines.join('\n\n');
    }

    private value(node: import('../generated/ast.js').Value, token: string, within: number): string | undefined {
        const target = node.indicator?.ref ?? node;
        const model = this.models.get(target);
        const v = model.valueOf.get(target);
        const reading = v
            ? `Được hiểu là: **${readingLabel(v, model.rounds.find(r => r.node === target)?.label)}**`
            : '';
        const date = findDates(token).find(d => within >= d.offset && within < d.offset + d.length);
        if (date) return [dateMarkdown(date, this.today()), reading].filter(Boolean).join('\n\n');
        if (v?.type === 'indicator') {
            const entry = model.indicators.find(i => i.node === target);
            const plan = indicatorMarkdown(v, entry?.number, entry?.id);
            if (!node.indicator) return plan;
            const root = AstUtils.findRootNode(node) as Model;
            const row = reportOf(root, r => this.models.get(r))?.rows.find(r => r.node === node);
            const e = row?.evaluation;
            const result = e
                ? `**Kết quả:** ${e.percent !== undefined ? `${formatViNumber(e.percent, 1)}% kế hoạch — ` : ''}${e.status}${e.converted !== undefined ? ` (quy đổi: ${formatViNumber(e.converted)} ${row?.target?.unit ?? ''})` : ''}`
                : '';
            return [plan, result].filter(Boolean).join('\n\n');
        }
        if (v?.type === 'period' || v?.type === 'deadline' || v?.type === 'anniversary' || v?.type === 'date') {
            const d = v.type === 'period' ? v.end?.date : v.type === 'anniversary' ? v.anniversary?.date : v.date;
            const event =
                v.type === 'period' && v.end?.kind === 'event'
                    ? 'Kết thúc khi sự kiện diễn ra, không có ngày cụ thể: các hạn trong văn bản không được so với ngày kết thúc.'
                    : '';
            return [reading, d ? dateMarkdown(d, this.today()) : '', event].filter(Boolean).join('\n\n');
        }
        return reading || undefined;
    }

    /** A column heading of a table: what the column holds, and for a scoring table how it is read. */
    private tableHeading(node: import('../generated/ast.js').TextPart): string | undefined {
        const cell = node.$container;
        if (cell?.$type !== 'TableCell') return undefined;
        const table = cell.$container.$container;
        const entry = this.models.get(table).tables.find(t => t.node === table);
        const gridCell = entry && [...entry.cellNode].find(([, n]) => n === cell)?.[0];
        const row = entry?.grid.rows.find(r => r.row === gridCell?.row);
        if (!entry || !gridCell || !row?.header) return undefined;
        const col = gridCell.col;
        const values = entry.grid.rows
            .filter(r => !r.header)
            .map(r => r.cells.find(c => c.col === col)?.text ?? '')
            .filter(Boolean);
        const lines = [
            `**Cột ${col + 1}: ${entry.grid.headings[col] || gridCell.text}** — ${values.length} ô có nội dung`
        ];
        if (gridCell.colSpan > 1) lines.push(`Ô gộp ${gridCell.colSpan} cột.`);
        const role = entry.scoring ? columnRole(entry.grid.headings[col] ?? '') : undefined;
        if (role) lines.push(`Bảng chấm điểm: cột **${roleLabel(role)}**.`);
        return lines.join('\n\n');
    }

    private prose(text: string, within: number, node: import('../generated/ast.js').TextPart): string | undefined {
        const date = findDates(text).find(d => within >= d.offset && within < d.offset + d.length);
        if (date) return dateMarkdown(date, this.today());
        const award = findAwards(text).find(a => within >= a.offset && within < a.offset + a.text.length);
        if (!award) return undefined;
        const law = lawInForce(this.models.get(node));
        const who = law.authorities
            .filter(a => a.may.some(m => m.toLowerCase() === award.award.name.toLowerCase()))
            .map(a => `Chủ tịch UBND cấp ${a.level} (${a.article})`);
        const lines = [
            `**${award.award.name}** — ${award.award.kind === 'danh hiệu' ? 'danh hiệu thi đua' : 'hình thức khen thưởng'} (${award.award.article})`
        ];
        lines.push(
            who.length
                ? `Thẩm quyền quyết định theo ${law.law}: ${who.join('; ')}.`
                : `Không thuộc thẩm quyền của Chủ tịch UBND các cấp theo ${law.law}: đề nghị cấp trên khen thưởng.`
        );
        if (award.conferrer)
            lines.push(`Trong văn bản: ${award.mode === 'confer' ? 'tặng bởi' : 'đề nghị'} ${award.conferrer}.`);
        return lines.join('\n\n');
    }
}
