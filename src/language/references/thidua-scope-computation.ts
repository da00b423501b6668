import {
    Cancellation,
    DefaultScopeComputation,
    MultiMap,
    type AstNode,
    type AstNodeDescription,
    type LangiumDocument,
    type LocalSymbols
} from 'langium';
import { nodesOf } from '../syntax/ast-walk.js';
import { isRegistryEntry, isValue } from '../generated/ast.js';

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
