import { AstUtils, DefaultScopeComputation, type AstNodeDescription, type LangiumDocument } from 'langium';
import { CancellationToken } from 'vscode-languageserver';
import { isRegistryEntry, isValue } from './generated/ast.js';

/** Registry entries and indicators with an id are visible across the workspace. */
export class ThiduaScopeComputation extends DefaultScopeComputation {
    override async collectExportedSymbols(document: LangiumDocument, cancelToken = CancellationToken.None): Promise<AstNodeDescription[]> {
        return this.collectExportedSymbolsForNode(document.parseResult.value, document,
            node => AstUtils.streamAllContents(node).filter(n => isRegistryEntry(n) || (isValue(n) && !!n.id)), cancelToken);
    }
}
