import type { AstNode, LangiumDocument, MaybePromise } from 'langium';
import type { DocumentSymbolProvider } from 'langium/lsp';
import { SymbolKind, type DocumentSymbol, type DocumentSymbolParams } from 'vscode-languageserver';
import { inlineSource, plainText } from '../ast-text.js';
import { isDocument, isRegistryDoc, isKhoan, isParagraph, isSection, isSubKhoan, isTable, isValue, type Inline } from '../generated/ast.js';
import type { ThiduaDocumentModel } from '../thidua-document-model.js';
import type { ThiduaServices } from '../thidua-module.js';

function short(s: string, n = 70): string {
    const t = s.replace(/\s+/g, ' ').trim();
    return t.length > n ? t.slice(0, n - 1) + '…' : t || '…';
}

/** Outline: the document, its sections, khoản and indicators, Nơi nhận and the signature. */
export class ThiduaDocumentSymbolProvider implements DocumentSymbolProvider {
    private readonly models: ThiduaDocumentModel;
    constructor(services: ThiduaServices) {
        this.models = services.model.DocumentModel;
    }

    getSymbols(document: LangiumDocument, _params: DocumentSymbolParams): MaybePromise<DocumentSymbol[]> {
        const root = document.parseResult.value;
        if (isRegistryDoc(root)) {
            return root.entries.filter(e => e.$cstNode).map(e => this.symbol(e, `${(e.head ?? '').trim()} ${e.number ?? ''}`.trim(), SymbolKind.File, []));
        }
        if (!isDocument(root)) return [];
        const model = this.models.get(root);
        const indicatorName = (v: AstNode) => {
            const i = model.indicators.find(x => x.node === v);
            return i ? `${i.number !== undefined ? i.number + ') ' : ''}${i.value.parts[0]?.name ?? i.value.parts[0]?.subject ?? i.value.raw}` : undefined;
        };
        const indicators = (parts: readonly Inline[]) => parts.filter(isValue)
            .filter(v => model.valueOf.get(v)?.type === 'indicator')
            .map(v => this.symbol(v, short(indicatorName(v) ?? ''), SymbolKind.Number, []));
        const walk = (items: readonly AstNode[]): DocumentSymbol[] => items.flatMap(item => {
            if (isSection(item) || isKhoan(item) || isSubKhoan(item)) {
                const kind = isSection(item) ? SymbolKind.Namespace : SymbolKind.Class;
                return [this.symbol(item, short(`${item.mark} ${plainText(inlineSource(item.parts))}`), kind, [...indicators(item.parts), ...walk(item.items)])];
            }
            if (isTable(item)) {
                const entry = model.tables.find(t => t.node === item);
                const heads = entry?.grid.headings.filter(Boolean).slice(0, 4).join(' | ');
                const label = `${entry?.scoring ? 'Bảng chấm điểm' : 'Bảng'} (${entry?.grid.columns ?? 0} cột, ${entry?.grid.rows.filter(r => !r.header).length ?? 0} dòng)`;
                return [this.symbol(item, short(heads ? `${label}: ${heads}` : label), SymbolKind.Struct,
                    item.rows.flatMap(r => r.cells.flatMap(c => indicators(c.parts ?? []))))];
            }
            return isParagraph(item) ? indicators(item.parts) : [];
        });
        const children = walk(root.body);
        if (root.noiNhan) children.push(this.symbol(root.noiNhan, 'Nơi nhận', SymbolKind.Array, []));
        if (root.signature) children.push(this.symbol(root.signature, short([...root.signature.authorities, ...root.signature.titles, root.signature.signer ?? ''].join(' / ')), SymbolKind.Constructor, []));
        for (const annex of model.annexes) {
            const title = annex.titles.map(t => plainText(inlineSource(t.parts))).join(' ');
            children.push(this.symbol(annex.node, short(title ? `${annex.heading}: ${title}` : annex.heading), SymbolKind.Module, walk(annex.node.body)));
        }
        const title = [model.kindTitle, model.subject].filter(Boolean).join(': ');
        return title ? [this.symbol(root, short(title, 90), SymbolKind.File, children)] : children;
    }

    private symbol(node: AstNode, name: string, kind: SymbolKind, children: DocumentSymbol[]): DocumentSymbol {
        const range = node.$cstNode!.range;
        return { name, kind, range, selectionRange: range, children };
    }
}
