import { OperationCancelled, type Cancellation } from 'langium';
import { DefaultWorkspaceSymbolProvider } from 'langium/lsp';
import type { WorkspaceSymbol, WorkspaceSymbolParams } from 'vscode-languageserver';

/**
 * Workspace symbols searched in one go. Langium's provider awaits after every name (22,000 for 5,000 plans) and gives
 * way to the event loop every 10 ms: during start-up each turn waited for a chunk of files to be built, and after it
 * for a slice of the saved index, so one search took 50–370 ms. Matching every name takes a few milliseconds.
 */
export class ThiduaWorkspaceSymbolProvider extends DefaultWorkspaceSymbolProvider {
    override async getSymbols(params: WorkspaceSymbolParams, cancelToken?: Cancellation.CancellationToken) {
        if (cancelToken?.isCancellationRequested) throw OperationCancelled;
        const query = params.query.toLowerCase();
        const symbols: WorkspaceSymbol[] = [];
        for (const description of this.indexManager.allElements()) {
            if (!this.fuzzyMatcher.match(query, description.name)) continue;
            const symbol = this.getWorkspaceSymbol(description);
            if (symbol) symbols.push(symbol);
        }
        return symbols;
    }
}
