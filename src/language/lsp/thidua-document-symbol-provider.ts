import type { AstNode, LangiumDocument, MaybePromise } from 'langium';
import type { DocumentSymbolProvider } from 'langium/lsp';
import { SymbolKind, type DocumentSymbol, type DocumentSymbolParams } from 'vscode-languageserver';
import { inlineSource, plainText } from '../syntax/ast-text.js';
import {
    isDocument,
    isRegistryDoc,
    isKhoan,
    isParagraph,
    isSection,
    isSubKhoan,
    isTable,
    isValue,
    type Inline,
    type RegistryEntry
} from '../generated/ast.js';
import type { ThiduaDocumentModel } from '../model/thidua-document-model.js';
import type { ThiduaServices } from '../thidua-module.js';

function short(s: string, n = 70): string {
    const t = s.replace(/\s+/g, ' ').trim();
    return t.length > n ? t.slice(0, n - 1) + '…' : t || '…';
}

/**
 * What each part is in the outline. Editors show a kind's English name beside its icon, so each part also has a
 * Vietnamese `detail`; the kinds are chosen for their icon and meaning: a heading is text (as in VS Code's own
 * Markdown outline), an indicator a number, a table a structure, Nơi nhận a list, the signature a key.
 */
const PART = {
    document: SymbolKind.File,
    heading: SymbolKind.String,
    indicator: SymbolKind.Number,
    table: SymbolKind.Struct,
    recipients: SymbolKind.Array,
    signature: SymbolKind.Key,
    annex: SymbolKind.File
} as const;

/** Outline: the document, its sections, khoản and indicators, tables, Nơi nhận, the signature and the annexes. */
export class ThiduaDocumentSymbolProvider implements DocumentSymbolProvider {
    private readonly models: ThiduaDocumentModel;
    constructor(services: ThiduaServices) {
        this.models = services.model.DocumentModel;
    }

    getSymbols(document: LangiumDocument, _params: DocumentSymbolParams): MaybePromise<DocumentSymbol[]> {
        const root = document.parseResult.value;
        if (isRegistryDoc(root)) {
            const entry = (e: RegistryEntry) => short(`${(e.head ?? '').trim()} ${e.number ?? ''}`);
            return root.entries
                .filter(e => e.$cstNode)
                .map(e => this.symbol(e, entry(e), PART.document, 'văn bản trong sổ', []));
        }
        if (!isDocument(root)) return [];
        const model = this.models.get(root);
        const indicatorName = (v: AstNode) => {
            const i = model.indicators.find(x => x.node === v);
            return i
                ? `${i.number !== undefined ? i.number + ') ' : ''}${i.value.parts[0]?.name ?? i.value.parts[0]?.subject ?? i.value.raw}`
                : undefined;
        };
        const indicators = (parts: readonly Inline[]) =>
            parts
                .filter(isValue)
                .filter(v => model.valueOf.get(v)?.type === 'indicator')
                .map(v => this.symbol(v, short(indicatorName(v) ?? ''), PART.indicator, 'chỉ tiêu', []));
        const walk = (items: readonly AstNode[]): DocumentSymbol[] =>
            items.flatMap(item => {
                if (isSection(item) || isKhoan(item) || isSubKhoan(item)) {
                    const name = short(`${item.mark} ${plainText(inlineSource(item.parts))}`);
                    return [
                        this.symbol(item, name, PART.heading, isSection(item) ? 'mục' : 'khoản', [
                            ...indicators(item.parts),
                            ...walk(item.items)
                        ])
                    ];
                }
                if (isTable(item)) {
                    const entry = model.tables.find(t => t.node === item);
                    const heads = entry?.grid.headings.filter(Boolean).slice(0, 4).join(' | ');
                    const label = `${entry?.scoring ? 'Bảng chấm điểm' : 'Bảng'} (${entry?.grid.columns ?? 0} cột, ${entry?.grid.rows.filter(r => !r.header).length ?? 0} dòng)`;
                    const cells = item.rows.flatMap(r => r.cells.flatMap(c => indicators(c.parts ?? [])));
                    return [
                        this.symbol(
                            item,
                            short(heads ? `${label}: ${heads}` : label),
                            PART.table,
                            entry?.scoring ? 'bảng chấm điểm' : 'bảng',
                            cells
                        )
                    ];
                }
                return isParagraph(item) ? indicators(item.parts) : [];
            });
        const children = walk(root.body);
        if (root.noiNhan) {
            const lines = `${root.noiNhan.items.length} dòng`;
            children.push(this.symbol(root.noiNhan, 'Nơi nhận', PART.recipients, lines, []));
        }
        const sig = root.signature;
        if (sig) {
            const name = short([...sig.authorities, ...sig.titles, sig.signer ?? ''].filter(Boolean).join(' / '));
            children.push(this.symbol(sig, name, PART.signature, 'chữ ký', []));
        }
        for (const annex of model.annexes) {
            const title = annex.titles.map(t => plainText(inlineSource(t.parts))).join(' ');
            const name = short(title ? `${annex.heading}: ${title}` : annex.heading);
            children.push(this.symbol(annex.node, name, PART.annex, 'phụ lục', walk(annex.node.body)));
        }
        const title = [model.kindTitle, model.subject].filter(Boolean).join(': ');
        const detail = model.kind?.name.toLowerCase() ?? 'văn bản';
        return title ? [this.symbol(root, short(title, 90), PART.document, detail, children)] : children;
    }

    private symbol(
        node: AstNode,
        name: string,
        kind: SymbolKind,
        detail: string,
        children: DocumentSymbol[]
    ): DocumentSymbol {
        const range = node.$cstNode!.range;
        return { name, detail, kind, range, selectionRange: range, children };
    }
}
