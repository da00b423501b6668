import { URI, type LangiumDocument, type LangiumDocuments } from 'langium';
import { DefaultRenameProvider } from 'langium/lsp';
import type { CancellationToken, RenameParams, WorkspaceEdit } from 'vscode-languageserver';
import type { ThiduaServices } from '../thidua-module.js';

/**
 * Renames a registry document's number (and every citation of it) or an indicator id. An id is written
 * "#id" where declared and "@id" where referred to: the prefix stays, only the id changes.
 */
export class ThiduaRenameProvider extends DefaultRenameProvider {
    private readonly documents: LangiumDocuments;
    constructor(services: ThiduaServices) {
        super(services);
        this.documents = services.shared.workspace.LangiumDocuments;
    }

    override async rename(
        document: LangiumDocument,
        params: RenameParams,
        cancelToken?: CancellationToken
    ): Promise<WorkspaceEdit | undefined> {
        const newName = params.newName.trim().replace(/^[#@]/, '');
        const edit = await super.rename(document, { ...params, newName }, cancelToken);
        for (const [uri, edits] of Object.entries(edit?.changes ?? {})) {
            const text = this.documents.getDocument(URI.parse(uri))?.textDocument;
            for (const e of edits) {
                const prefix = text?.getText(e.range).charAt(0);
                if (prefix === '#' || prefix === '@') e.newText = prefix + newName;
            }
        }
        return edit;
    }
}
