import { DefaultDocumentBuilder, DocumentState, type LangiumDocument, type LangiumSharedCoreServices, type URI } from 'langium';
import type { CancellationToken } from 'vscode-languageserver';

/**
 * The editor's rebuild after an edit:
 * - only documents open in the editor are validated (Langium's default validates the whole folder after the
 *   first edit, so a keystroke waited for hundreds of unopened files); the command "Kiểm tra toàn bộ thư mục"
 *   opens the files to check them all;
 * - a document with unresolved references is relinked only when a changed document's new text contains one
 *   of the names it could not resolve (the default relinks it after every keystroke anywhere).
 */
export class ThiduaDocumentBuilder extends DefaultDocumentBuilder {
    /** New texts of the documents being updated; undefined when one of them cannot be read (relink all). */
    private changedTexts?: string[];
    /** Whether a document had unresolved references when it was last linked (read on every keystroke for every file). */
    private readonly unresolved = new WeakMap<LangiumDocument, boolean>();

    constructor(services: LangiumSharedCoreServices) {
        super(services);
        this.onDocumentPhase(DocumentState.Linked, document => {
            this.unresolved.set(document, document.references.some(r => r.error !== undefined));
        });
    }

    override async update(changed: URI[], deleted: URI[], cancelToken?: CancellationToken): Promise<void> {
        const texts = changed.map(uri => this.textDocuments?.get(uri.toString())?.getText());
        this.changedTexts = texts.every(t => t !== undefined) ? texts as string[] : undefined;
        try {
            await super.update(changed, deleted, cancelToken);
        } finally {
            this.changedTexts = undefined;
        }
    }

    protected override shouldRelink(document: LangiumDocument, changedUris: Set<string>): boolean {
        if (this.indexManager.isAffected(document, changedUris)) return true;
        if (!(this.unresolved.get(document) ?? true)) return false;
        const texts = this.changedTexts;
        return document.references.some(r => r.error !== undefined && (!texts || texts.some(t => t.includes(r.$refText))));
    }

    protected override shouldValidate(document: LangiumDocument): boolean {
        const editing = this.getBuildOptions(document) === this.updateBuildOptions;
        if (editing && this.textDocuments && !this.textDocuments.get(document.uri.toString())) return false;
        return super.shouldValidate(document);
    }
}
