import {
    Cancellation,
    DefaultScopeComputation,
    MultiMap,
    type AstNode,
    type AstNodeDescription,
    type LangiumDocument,
    type LocalSymbols
} from 'langium';
import { nodesOf } from './ast-walk.js';
import { isRegistryEntry, isValue } from './generated/ast.js';

/**
 * Registry entries and indicators with an id are visible across the workspace; nothing is local to a part of a file.
 */
export class ThiduaScopeComputation extends DefaultScopeComputation {
    override async collectExportedSymbols(
        document: LangiumDocument,
        cancelToken = Cancellation.CancellationToken.None
    ): Promise<AstNodeDescription[]> {
        const exported = nodesOf(document.parseResult.value).filter(n => isRegistryEntry(n) || (isValue(n) && !!n.id));
        return this.collectExportedSymbolsForNode(document.parseResult.value, document, () => exported, cancelToken);
    }

    // The file's own ids and registry entries are found through the index (they are exported).
    override async collectLocalSymbols(): Promise<LocalSymbols> {
        return new MultiMap<AstNode, AstNodeDescription>();
    }
}

/**
 * Whether another document may link to something in this text: every registry ("SỔ VĂN BẢN …", cited by số và
 * ký hiệu), and a document with an id "{#x …}" that some text refers to as "@x" (`referred`: every "@x" of the folder).
 */
export function mayBeLinkTarget(text: string, referred: Set<string>): boolean {
    if (text.includes('SỔ VĂN BẢN')) return true;
    for (const m of text.matchAll(/#([A-Za-z0-9_\-À-ỹĐđ]+)/g)) if (referred.has(m[1])) return true;
    return false;
}

/**
 * Every id a text refers to ("@x" → "x", letters as the lexer's VALUE_REF reads them): a superset of its value
 * references' names.
 */
export function referredIds(texts: string[]): Set<string> {
    const referred = new Set<string>();
    for (const text of texts) for (const m of text.matchAll(/@([A-Za-z0-9_\-À-ỹĐđ]+)/g)) referred.add(m[1]);
    return referred;
}
