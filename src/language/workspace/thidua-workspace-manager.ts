import {
    DefaultWorkspaceManager,
    DocumentState,
    type LangiumDocument,
    type LangiumDocumentFactory,
    type Stream,
    type URI
} from 'langium';
import { CancellationToken, type WorkspaceFolder } from 'vscode-languageserver';
import type { LangiumSharedServices } from 'langium/lsp';
import { collectGarbage, returnMemory } from './collect-garbage.js';
import { mayBeLinkTarget, referredIds } from '../syntax/link-targets.js';
import type { ThiduaDocumentFactory } from './thidua-document-factory.js';
import type { ThiduaDocumentBuilder } from './thidua-document-builder.js';
import type { ThiduaIndexManager } from './thidua-index-manager.js';
import {
    changedNames,
    exportsOf,
    referencesOf,
    saveExports,
    saveReferences,
    type IndexStore,
    type SavedDocument
} from './saved-index.js';
import type { ThiduaServices } from '../thidua-module.js';

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
    private readonly index: ThiduaIndexManager;
    private readonly inChunks: boolean;
    private readonly store?: IndexStore;
    private deferred: { uri: URI; text: string }[] = [];
    /** The documents start-up has read but not built yet. */
    private readonly waiting = new Set<string>();
    /** Start-up with an index saved by an earlier session: what it held, and the documents taken back from it. */
    private session?: {
        folders: string[];
        saved?: Map<string, SavedDocument>;
        fingerprints: Map<string, string>;
        restored: LangiumDocument[];
        built: string[];
    };

    constructor(services: LangiumSharedServices & { workspace: { IndexStore?: IndexStore } }) {
        super(services);
        this.factory = services.workspace.LangiumDocumentFactory;
        this.textDocuments = services.workspace.TextDocuments;
        this.index = services.workspace.IndexManager as ThiduaIndexManager;
        this.inChunks = services.lsp.Connection !== undefined;
        this.store = this.inChunks ? services.workspace.IndexStore : undefined;
    }

    // Start-up is not cancelled by the first edit (Langium's is, and the edit then builds the whole folder at once):
    // the documents of later chunks exist nowhere else yet, and they link against the first build's index.
    // The edit's update waits for start-up to finish; a file the editor opened meanwhile goes in the next chunk.
    override async initializeWorkspace(
        folders: WorkspaceFolder[],
        cancelToken = CancellationToken.None
    ): Promise<void> {
        if (!this.inChunks) return super.initializeWorkspace(folders, cancelToken);
        if (this.store) {
            const keys = folders.map(f => f.uri);
            this.session = { folders: keys, fingerprints: new Map(), restored: [], built: [] };
            this.session.saved = await this.store.load(keys).catch(() => undefined);
        }
        await super.initializeWorkspace(folders, CancellationToken.None);
        // Files in order, each taken once (its text let go as it is): a file the editor opens meanwhile goes first.
        const pending = new Map(this.deferred.map(d => [d.uri.toString(), d]));
        this.deferred = [];
        const order = pending.values();
        let built = 0;
        while (pending.size) {
            const open = this.textDocuments.keys().flatMap(uri => pending.get(uri) ?? []);
            const chunk: { uri: URI; text: string }[] = open.slice(0, CHUNK);
            while (!open.length && chunk.length < CHUNK) {
                const d = order.next();
                if (d.done) break;
                if (pending.has(d.value.uri.toString())) chunk.push(d.value);
            }
            const documents = chunk
                .filter(d => pending.delete(d.uri.toString()) && !this.langiumDocuments.hasDocument(d.uri))
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
            if (Math.floor((built + chunk.length) / COLLECT_EVERY) > Math.floor(built / COLLECT_EVERY))
                collectGarbage();
            built += chunk.length;
            // Let the server send the diagnostics just made and answer the editor's requests between chunks.
            await new Promise(resolve => setImmediate(resolve));
        }
        await this.relinkRestored();
        this.saveIndex();
        this.session = undefined;
        // Once the edits queued during start-up are built (reads wait for queued writes), memory is returned.
        void this.mutex.read(() => returnMemory());
    }

    /**
     * Links again the documents taken back from the saved index that look up a name the changed, new or deleted
     * files now export differently (their trees are parsed for it); the others link as they did.
     */
    private async relinkRestored(): Promise<void> {
        const session = this.session;
        if (!session?.saved || !session.restored.length) return;
        const restored = new Set(session.restored.map(d => d.uri.toString()));
        const before = [...session.saved]
            .filter(([uri]) => !restored.has(uri))
            .flatMap(([uri, saved]) => saved.exports.map(([name, type, path]) => [name, uri, type, path] as const));
        const after = session.built.flatMap(uri =>
            this.index.exportsOf(uri).map(d => [d.name, uri, d.type, d.path] as const)
        );
        if (!before.length && !after.length) return;
        let exporters: Map<string, number> | undefined;
        const changed = changedNames(before, after, name => {
            if (!exporters) {
                exporters = new Map();
                for (const d of this.index.allElements()) exporters.set(d.name, (exporters.get(d.name) ?? 0) + 1);
            }
            return exporters.get(name) ?? 0;
        });
        const builder = this.documentBuilder as ThiduaDocumentBuilder;
        const stale = session.restored.filter(d => builder.namesOf(d)?.names.some(n => changed.has(n)));
        for (let i = 0; i < stale.length; i += CHUNK) {
            const chunk = stale.slice(i, i + CHUNK).filter(d => this.langiumDocuments.hasDocument(d.uri));
            for (const d of chunk) this.documentBuilder.resetToState(d, DocumentState.ComputedScopes);
            await this.documentBuilder.build(chunk, this.initialBuildOptions, CancellationToken.None);
            await new Promise(resolve => setImmediate(resolve));
        }
    }

    /** Saves what every document gave the index, for the next session (nothing when all was taken back as is). */
    private saveIndex(): void {
        const session = this.session;
        if (!this.store || !session) return;
        const all = this.langiumDocuments.all.toArray();
        const fingerprints = new Map(
            all.map(d => {
                const uri = d.uri.toString();
                return [uri, this.textDocuments.get(uri) ? this.openFingerprint(d) : session.fingerprints.get(uri)];
            })
        );
        // The same bytes give the same entries: nothing to write when every file is as saved.
        const saved = session.saved;
        if (saved?.size === all.length && [...fingerprints].every(([uri, f]) => f && saved.get(uri)?.fingerprint === f))
            return;
        const builder = this.documentBuilder as ThiduaDocumentBuilder;
        const documents = new Map<string, SavedDocument>();
        for (const document of all) {
            const uri = document.uri.toString();
            const fingerprint = fingerprints.get(uri);
            const names = builder.namesOf(document);
            if (!fingerprint || !names || document.state < DocumentState.IndexedReferences) continue;
            const digest = (
                this.serviceRegistry.getServices(document.uri) as ThiduaServices
            ).model.DocumentModel.digestSourceOf(document);
            if (!digest) continue;
            documents.set(uri, {
                fingerprint,
                exports: saveExports(this.index.exportsOf(uri)),
                references: saveReferences(this.index.referencesOf(uri)),
                digest,
                ...names
            });
        }
        this.store.save(session.folders, documents).catch((e: Error) => {
            console.error(`thidua: không lưu được chỉ mục của thư mục. ${e.message}`);
        });
    }

    /** The fingerprint of an open file whose built text is the one on the disk; undefined when they differ. */
    private openFingerprint(document: LangiumDocument): string | undefined {
        try {
            const bytes = this.fileSystemProvider.readBinarySync(document.uri);
            const text = this.textOf(document.uri, bytes) ?? this.fileSystemProvider.readFileSync(document.uri);
            return text === document.textDocument.getText() ? this.store?.fingerprint(bytes) : undefined;
        } catch {
            return undefined;
        }
    }

    /** The text of bytes already read, decoded as the file system reads files (undefined: it cannot, read the file). */
    private textOf(uri: URI, bytes: Uint8Array): string | undefined {
        return (this.fileSystemProvider as Partial<{ textOf(uri: URI, bytes: Uint8Array): string }>).textOf?.(
            uri,
            bytes
        );
    }

    /** Takes a document back from the saved index: its entries, digest and looked-up names, without a tree. */
    private restore(uri: URI, saved: SavedDocument, uris: Map<string, URI>): LangiumDocument {
        const document = (this.factory as ThiduaDocumentFactory).restore(uri);
        this.index.restore(uri.toString(), exportsOf(saved, uri), referencesOf(saved, uri, uris));
        (this.serviceRegistry.getServices(uri) as ThiduaServices).model.DocumentModel.restoreDigest(
            document,
            saved.digest
        );
        (this.documentBuilder as ThiduaDocumentBuilder).restoreNames(document, saved.names, saved.unresolved);
        this.langiumDocuments.addDocument(document);
        return document;
    }

    protected override async loadWorkspaceDocuments(
        uris: Stream<URI>,
        collector: (document: LangiumDocument) => void
    ): Promise<void> {
        const files: { uri: URI; text: string }[] = [];
        const hits: { uri: URI; saved: SavedDocument }[] = [];
        const queue = uris.toArray();
        const session = this.session;
        // A few files at a time: reading thousands at once held all their bytes together, and the process kept that
        // memory after they were freed.
        const reader = async () => {
            for (let uri = queue.pop(); uri; uri = queue.pop()) {
                try {
                    const key = uri.toString();
                    if (this.store && session) {
                        // A file whose bytes are those of the saved index is taken back from it, not parsed.
                        const bytes = await this.fileSystemProvider.readBinary(uri);
                        const fingerprint = this.store.fingerprint(bytes);
                        session.fingerprints.set(key, fingerprint);
                        const saved = session.saved?.get(key);
                        if (saved?.fingerprint === fingerprint && !this.textDocuments.get(key)) {
                            hits.push({ uri, saved });
                            continue;
                        }
                        files.push({
                            uri,
                            text: this.textOf(uri, bytes) ?? (await this.fileSystemProvider.readFile(uri))
                        });
                        continue;
                    }
                    files.push({ uri, text: await this.fileSystemProvider.readFile(uri) });
                } catch (e) {
                    console.error(`thidua: bỏ qua một tệp. ${(e as Error).message}`);
                }
            }
        };
        await Promise.all(Array.from({ length: READERS }, reader));
        // Start-up order does not depend on which file the disk returned first.
        const byUri = (a: { uri: URI }, b: { uri: URI }) => (a.uri.toString() < b.uri.toString() ? -1 : 1);
        files.sort(byUri);
        if (session) {
            const uris = new Map<string, URI>();
            session.restored = hits.sort(byUri).map(h => this.restore(h.uri, h.saved, uris));
            session.built = files.map(f => f.uri.toString());
        }
        const referred = this.inChunks ? referredIds(files.map(f => f.text)) : new Set<string>();
        for (const f of files) {
            if (this.inChunks && !mayBeLinkTarget(f.text, referred)) {
                this.deferred.push(f);
                this.waiting.add(f.uri.toString());
            } else collector(this.factory.fromString(f.text, f.uri));
        }
    }
}
