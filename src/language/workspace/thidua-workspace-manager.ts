import {
    DefaultWorkspaceManager,
    type LangiumDocument,
    type LangiumDocumentFactory,
    type Stream,
    type URI
} from 'langium';
import { CancellationToken, type WorkspaceFolder } from 'vscode-languageserver';
import type { LangiumSharedServices } from 'langium/lsp';
import { collectGarbage, returnMemory } from './collect-garbage.js';
import { mayBeLinkTarget, referredIds } from '../syntax/link-targets.js';

/** How many documents are built together at start-up before their trees are dropped. */
const CHUNK = 50;
/** How many files start-up reads at once. */
const READERS = 16;
/** Start-up collects garbage after every this many documents: the heap then never grows past ~250 MB. */
const COLLECT_EVERY = 200;

/**
 * Indexes the folder's .thidua files, leaving out what the file system refuses to read as a document (in a language
 * server: a file over 10 MB, a binary file, a file in a legacy encoding). Each is reported in the server's log.
 *
 * In a language server, start-up builds first the documents others may link to (registries, documents whose ids
 * are referred to), then the rest 50 at a time; the builder drops the trees of unopened documents after each build, so
 * the
 * server never holds the trees of the whole folder at once.
 */
export class ThiduaWorkspaceManager extends DefaultWorkspaceManager {
    private readonly factory: LangiumDocumentFactory;
    private readonly textDocuments: LangiumSharedServices['workspace']['TextDocuments'];
    private readonly inChunks: boolean;
    private deferred: { uri: URI; text: string }[] = [];
    /** The documents start-up has read but not built yet. */
    private readonly waiting = new Set<string>();

    constructor(services: LangiumSharedServices) {
        super(services);
        this.factory = services.workspace.LangiumDocumentFactory;
        this.textDocuments = services.workspace.TextDocuments;
        this.inChunks = services.lsp.Connection !== undefined;
    }

    // Start-up is not cancelled by the first edit (Langium's is, and the edit then builds the whole folder at once):
    // the documents of later chunks exist nowhere else yet, and they link against the first build's index.
    // The edit's update waits for start-up to finish; a file the editor opened meanwhile goes in the next chunk.
    override async initializeWorkspace(
        folders: WorkspaceFolder[],
        cancelToken = CancellationToken.None
    ): Promise<void> {
        if (!this.inChunks) return super.initializeWorkspace(folders, cancelToken);
        await super.initializeWorkspace(folders, CancellationToken.None);
        let pending = this.deferred;
        this.deferred = [];
        let built = 0;
        while (pending.length) {
            const open = pending.filter(d => this.textDocuments.get(d.uri.toString()));
            const chunk = new Set((open.length ? open : pending).slice(0, CHUNK));
            pending = pending.filter(d => !chunk.has(d));
            const documents = [...chunk]
                .filter(d => !this.langiumDocuments.hasDocument(d.uri))
                .map(d => {
                    this.waiting.delete(d.uri.toString());
                    const document = this.factory.fromString(d.text, d.uri);
                    this.langiumDocuments.addDocument(document);
                    return document;
                });
            // A file open in the editor is checked as an edit would check it: its diagnostics appear now, not after
            // the whole folder is indexed (it links only to documents built before it).
            await this.documentBuilder.build(
                documents,
                open.length ? this.documentBuilder.updateBuildOptions : this.initialBuildOptions,
                CancellationToken.None
            );
            if (Math.floor((built + chunk.size) / COLLECT_EVERY) > Math.floor(built / COLLECT_EVERY)) collectGarbage();
            built += chunk.size;
            // Let the server send the diagnostics just made and answer the editor's requests between chunks.
            await new Promise(resolve => setImmediate(resolve));
        }
        // Once the edits queued during start-up are built (reads wait for queued writes), memory is returned.
        void this.mutex.read(() => returnMemory());
    }

    protected override async loadWorkspaceDocuments(
        uris: Stream<URI>,
        collector: (document: LangiumDocument) => void
    ): Promise<void> {
        const files: { uri: URI; text: string }[] = [];
        const queue = uris.toArray();
        // A few files at a time: reading thousands at once held all their bytes together, and the process kept that
        // memory after they were freed.
        const reader = async () => {
            for (let uri = queue.pop(); uri; uri = queue.pop()) {
                try {
                    files.push({ uri, text: await this.fileSystemProvider.readFile(uri) });
                } catch (e) {
                    console.error(`thidua: bỏ qua một tệp. ${(e as Error).message}`);
                }
            }
        };
        await Promise.all(Array.from({ length: READERS }, reader));
        // Start-up order does not depend on which file the disk returned first.
        files.sort((a, b) => (a.uri.toString() < b.uri.toString() ? -1 : 1));
        const referred = this.inChunks ? referredIds(files.map(f => f.text)) : new Set<string>();
        for (const f of files) {
            if (this.inChunks && !mayBeLinkTarget(f.text, referred)) {
                this.deferred.push(f);
                this.waiting.add(f.uri.toString());
            } else collector(this.factory.fromString(f.text, f.uri));
        }
    }
}
