import {
    Cancellation,
    DefaultDocumentBuilder,
    DocumentState,
    OperationCancelled,
    UriUtils,
    type BuildOptions,
    type FileSystemProvider,
    type LangiumDocument,
    type LangiumSharedCoreServices,
    type URI
} from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import { LSPErrorCodes, ResponseError } from 'vscode-languageserver';
import { isLoaded, type ThiduaDocumentFactory } from './thidua-document-factory.js';
import { shared } from '../../domain/memo.js';
import type { ThiduaServices } from '../thidua-module.js';

/** How many unopened documents parsed again on demand (a registry, a cited plan) keep their tree between builds. */
const KEPT_RELOADED = 16;
/** How long a request waits for its document to be built (the editor's requests and thidua's own). */
export const WAIT_MS = 20_000;

/**
 * The editor's rebuild after an edit:
 * - only documents open in the editor are validated (Langium's default validates the whole folder after the
 *   first edit, so a keystroke waited for hundreds of unopened files); the command "Kiểm tra toàn bộ thư mục"
 *   opens the files to check them all;
 * - a document with unresolved references is relinked only when a changed document's new text contains one
 *   of the names it could not resolve (the default relinks it after every keystroke anywhere);
 * - in a language server, a document that is not open keeps only its index entries and digest after a build:
 *   its tree is dropped and parsed again from its text when something needs it (Langium keeps every tree, which
 *   made a 1,000-file folder cost 400 MB).
 */
export class ThiduaDocumentBuilder extends DefaultDocumentBuilder {
    /**
     * New texts of the documents being updated; undefined when one of them cannot be read, e.g. a folder (relink all).
     */
    private changedTexts?: string[];
    /** The names a document could not resolve when it was last linked (read on every keystroke for every file). */
    private readonly unresolved = new WeakMap<LangiumDocument, string[]>();
    /** Every name a document's references looked up when it was last linked. */
    private readonly names = new WeakMap<LangiumDocument, string[]>();
    private readonly unloading: boolean;
    /** Unopened documents parsed again on demand, oldest first. */
    private kept: LangiumDocument[] = [];
    /** Documents that may hold a tree: built or parsed again since their last unloading. */
    private readonly loaded = new Set<LangiumDocument>();

    private readonly fileSystem: FileSystemProvider;

    constructor(services: LangiumSharedCoreServices) {
        super(services);
        this.fileSystem = services.workspace.FileSystemProvider;
        this.unloading = (services as Partial<LangiumSharedServices>).lsp?.Connection !== undefined;
        this.onDocumentPhase(DocumentState.Linked, document => {
            const unresolved = new Set(document.references.filter(r => r.error !== undefined).map(r => r.$refText));
            this.names.set(document, [...new Set(document.references.map(r => r.$refText))].map(shared));
            this.unresolved.set(document, [...unresolved].map(shared));
        });
        const factory = services.workspace.LangiumDocumentFactory as Partial<ThiduaDocumentFactory>;
        if (this.unloading && 'unload' in factory) {
            factory.onReload = document => {
                this.kept = [...this.kept.filter(d => d !== document), document].slice(-KEPT_RELOADED);
                this.loaded.add(document);
            };
        }
    }

    /**
     * A request for a document open in the editor that is not built yet — not yet read (start-up, or the debounce
     * after opening), or opened after the folder was built — waits until it is built instead of failing,
     * which left the editor without colours and showed the drafter "Request … failed". After `WAIT_MS` it is
     * cancelled (the editor then shows nothing, silently).
     */
    override waitUntil(state: DocumentState, cancelToken?: Cancellation.CancellationToken): Promise<void>;
    override waitUntil(state: DocumentState, uri?: URI, cancelToken?: Cancellation.CancellationToken): Promise<URI>;
    override waitUntil(
        state: DocumentState,
        uriOrToken?: URI | Cancellation.CancellationToken,
        cancelToken?: Cancellation.CancellationToken
    ): Promise<URI | void> {
        const uri = uriOrToken && 'path' in uriOrToken ? uriOrToken : undefined;
        if (!uri) return super.waitUntil(state, uriOrToken as Cancellation.CancellationToken | undefined);
        // Only the editor asks about a file; a file it has not opened is answered as Langium does.
        if (!this.textDocuments?.get(uri.toString())) return super.waitUntil(state, uri, cancelToken);
        const document = this.langiumDocuments.getDocument(uri);
        if (document && document.state >= state) return Promise.resolve(uri);
        const token = cancelToken ?? Cancellation.CancellationToken.None;
        if (token.isCancellationRequested) return Promise.reject(OperationCancelled);
        // Documents are announced from IndexedContent on: an earlier state is reached by then too.
        const awaited = (document ? state : Math.max(state, DocumentState.IndexedContent)) as DocumentState;
        return new Promise((resolve, reject) => {
            const finish = (then: () => void) => {
                built.dispose();
                cancelled.dispose();
                clearTimeout(timer);
                then();
            };
            const built = this.onDocumentPhase(awaited, d => {
                if (UriUtils.equals(d.uri, uri)) finish(() => resolve(uri));
            });
            const cancelled = token.onCancellationRequested(() => finish(() => reject(OperationCancelled)));
            const timer = setTimeout(
                () => finish(() => reject(new ResponseError(LSPErrorCodes.ServerCancelled, 'not built'))),
                WAIT_MS
            );
        });
    }

    override async update(changed: URI[], deleted: URI[], cancelToken?: Cancellation.CancellationToken): Promise<void> {
        // A file the editor opens that start-up checked from the same text (opened while the folder was read) is not
        // built again: its rebuild held requests that wait for the folder (workspace symbols) after start-up.
        changed = changed.filter(uri => !this.checkedAsShown(uri));
        if (!changed.length && !deleted.length) return;
        // A file changed on disk (not open) is read here too: its new text decides as an edit's would.
        const unreadable: URI[] = [];
        const texts = await Promise.all(
            changed.map(async uri => {
                const open = this.textDocuments?.get(uri.toString())?.getText();
                if (open !== undefined) return open;
                try {
                    return await this.fileSystem.readFile(uri);
                } catch (e) {
                    // A file that is no longer a document (now binary, too large, another encoding) leaves the folder
                    // as a deleted one would: building it would fail every later build.
                    if (
                        await this.fileSystem.stat(uri).then(
                            s => s.isFile,
                            () => false
                        )
                    ) {
                        console.error(`thidua: bỏ qua một tệp. ${(e as Error).message}`);
                        unreadable.push(uri);
                    }
                    return undefined;
                }
            })
        );
        const kept = changed.filter(uri => !unreadable.includes(uri));
        const keptTexts = texts.filter((_, i) => !unreadable.includes(changed[i]));
        this.changedTexts = keptTexts.every(t => t !== undefined) ? (keptTexts as string[]) : undefined;
        try {
            await super.update(kept, [...deleted, ...unreadable], cancelToken);
        } finally {
            this.changedTexts = undefined;
        }
    }

    /** Whether the editor's document is validated from the very text the editor shows. */
    private checkedAsShown(uri: URI): boolean {
        const open = this.textDocuments?.get(uri.toString());
        const document = open && this.langiumDocuments.getDocument(uri);
        return (
            !!document &&
            document.state === DocumentState.Validated &&
            !!this.buildState.get(uri.toString())?.completed &&
            isLoaded(document) &&
            document.parseResult.value.$cstNode?.root.fullText === open.getText()
        );
    }

    // Langium tells nobody of a phase that processed no document: a request waiting for the folder's index
    // (workspace symbols) made before a start-up that built nothing — every file taken back from the saved index —
    // would wait for the next edit.
    protected override async runCancelable(
        documents: LangiumDocument[],
        targetState: DocumentState,
        cancelToken: Cancellation.CancellationToken,
        callback: (document: LangiumDocument) => unknown
    ): Promise<void> {
        await super.runCancelable(documents, targetState, cancelToken, callback);
        if (documents.some(d => d.state === targetState)) return;
        for (const listener of this.buildPhaseListeners.get(targetState).slice()) await listener([], cancelToken);
    }

    // Langium tells the listeners of a phase that were there when it ended, yielding to the event loop between them,
    // and raises the workspace state after: a request that came meanwhile (workspace symbols during an edit's build)
    // waited for a phase already told, for ever if no build followed. It is told too.
    protected override async notifyBuildPhase(
        documents: LangiumDocument[],
        state: DocumentState,
        cancelToken: Cancellation.CancellationToken
    ): Promise<void> {
        const told = new Set(this.buildPhaseListeners.get(state));
        await super.notifyBuildPhase(documents, state, cancelToken);
        if (!documents.length) return;
        for (let late = this.lateListeners(state, told); late.length; late = this.lateListeners(state, told))
            for (const listener of late) {
                told.add(listener);
                await listener(documents, cancelToken);
            }
    }

    private lateListeners(state: DocumentState, told: Set<unknown>) {
        return this.buildPhaseListeners.get(state).filter(listener => !told.has(listener));
    }

    protected override async buildDocuments(
        documents: LangiumDocument[],
        options: BuildOptions,
        cancelToken: Cancellation.CancellationToken
    ): Promise<void> {
        // A document gets a tree in this build only if it has one or is parsed or linked again.
        if (this.unloading)
            for (const d of documents) if (d.state < DocumentState.IndexedReferences || isLoaded(d)) this.loaded.add(d);
        await super.buildDocuments(documents, options, cancelToken);
        if (this.unloading) this.unloadClosed();
    }

    /**
     * Drops the trees of built documents that are not open (their digest is made first), except the recently reloaded.
     * Only documents built or parsed again since the last time can hold a tree: start-up builds thousands of files a
     * few at a time.
     */
    private unloadClosed(): void {
        const factory = this.langiumDocumentFactory as ThiduaDocumentFactory;
        for (const document of this.loaded) {
            if (!isLoaded(document) || !this.langiumDocuments.hasDocument(document.uri)) {
                this.loaded.delete(document);
                continue;
            }
            if (document.state < DocumentState.IndexedReferences || this.kept.includes(document)) continue;
            if (this.textDocuments?.get(document.uri.toString())) continue;
            (this.serviceRegistry.getServices(document.uri) as ThiduaServices).model.DocumentModel.digestOf(document);
            factory.unload(document);
            this.loaded.delete(document);
        }
    }

    /** The names a document's references looked up when it was last linked, and those it could not resolve. */
    namesOf(document: LangiumDocument): { names: string[]; unresolved: string[] } | undefined {
        const names = this.names.get(document);
        const unresolved = this.unresolved.get(document);
        return names && unresolved && { names, unresolved };
    }

    /**
     * Removes built documents from the workspace and the index, as a deletion does, without relinking others. Their
     * trees are let go first: a forgotten document's getter of its tree, kept by V8 in the old generation, held the
     * tree through every minor collection.
     */
    forget(documents: LangiumDocument[]): void {
        const factory = this.langiumDocumentFactory as Partial<ThiduaDocumentFactory>;
        for (const document of documents) {
            factory.unload?.(document);
            this.langiumDocuments.deleteDocument(document.uri);
            this.cleanUpDeleted(document);
        }
    }

    /** For a document restored from an earlier session's index: what it looked up then. */
    restoreNames(document: LangiumDocument, names: string[], unresolved: string[]): void {
        this.names.set(document, names);
        this.unresolved.set(document, unresolved);
    }

    protected override shouldRelink(document: LangiumDocument, changedUris: Set<string>): boolean {
        if (this.indexManager.isAffected(document, changedUris)) return true;
        const names = this.unresolved.get(document);
        if (!names) return true;
        if (!names.length) return false;
        const texts = this.changedTexts;
        return !texts || texts.some(t => names.some(name => t.includes(name)));
    }

    protected override shouldValidate(document: LangiumDocument): boolean {
        const editing = this.getBuildOptions(document) === this.updateBuildOptions;
        if (editing && this.textDocuments && !this.textDocuments.get(document.uri.toString())) return false;
        return super.shouldValidate(document);
    }
}
