import {
    DefaultWorkspaceManager,
    DocumentState,
    type LangiumDocument,
    type LangiumDocumentFactory,
    type Stream,
    URI
} from 'langium';
import { CancellationToken, type WorkspaceFolder } from 'vscode-languageserver';
import type { LangiumSharedServices } from 'langium/lsp';
import { collectIfGrown, returnMemory } from './collect-garbage.js';
import { queuedMessagesFirst } from './event-loop.js';
import { shareTexts } from '../../domain/memo.js';
import { linkFacts, linkFactsOfUtf8, offersTo, type LinkFacts } from '../syntax/link-targets.js';
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
    type IndexWorkers,
    type LinkTarget,
    type SavedDocument
} from './saved-index.js';
import type { ThiduaServices } from '../thidua-module.js';

/** How many documents are built together at start-up before their trees are dropped. */
const CHUNK = 50;
/** How many files a thread builds at a time (a small chunk: the last ones do not keep start-up waiting). */
const THREAD_CHUNK = 25;
/** How many documents' index entries are made between two turns of the event loop when the index is saved. */
const SAVE_SLICE = 250;
/** A short plan with each kind of line, built once by a thread before the folder's files (`warmUp`). */
const WARM_UP_TEXT = [
    'ỦY BAN NHÂN DÂN HUYỆN A',
    'Số: 1/KH-UBND',
    'A, ngày 05 tháng 01 năm 2025',
    '',
    'KẾ HOẠCH',
    'Phát động phong trào thi đua năm 2025',
    '',
    'Căn cứ [Chỉ thị số 34-CT/TW ngày 07/4/2014 của Bộ Chính trị];',
    'I. MỤC ĐÍCH, YÊU CẦU',
    '1. Nâng cao chất lượng phong trào thi đua.',
    'a) {#chi_tieu Tỷ lệ hộ dùng nước sạch: 95%}; {@chi_tieu}.',
    '| 1 | Tiêu chí | 40 |',
    '- Các xã báo cáo kết quả./.',
    'Nơi nhận:',
    '- Lưu: VT.',
    '',
    'TM. ỦY BAN NHÂN DÂN',
    'CHỦ TỊCH',
    '',
    'Nguyễn Văn A',
    ''
].join('\n');
/** How long the server, asked to shut down, waits for start-up to end and the folder's index to be saved. */
const SHUTDOWN_WAIT_MS = 1500;
/**
 * Start-up collects garbage when its heap has doubled past this (MB): it peaks near 2 × what it keeps, ~260 MB for
 * 5,000 files (a collection every 200 files kept ~230 MB at 10 % of the time).
 */
const COLLECT_FLOOR_MB = 128;

/**
 * Indexes the folder's .thidua files, leaving out what the file system refuses to read as a document (in a language
 * server: a file over 10 MB, a binary file, a file in a legacy encoding). Each is reported in the server's log.
 *
 * In a language server, start-up builds first the documents others may link to (registries, documents whose ids
 * are referred to), then the rest read 50 at a time and built one by one, worker threads building part of them in a
 * large folder; the builder drops the trees of unopened documents after each build, so the server never holds the
 * trees of the whole folder.
 */
export class ThiduaWorkspaceManager extends DefaultWorkspaceManager {
    private readonly factory: LangiumDocumentFactory;
    private readonly textDocuments: LangiumSharedServices['workspace']['TextDocuments'];
    private readonly index: ThiduaIndexManager;
    private readonly inChunks: boolean;
    private readonly store?: IndexStore;
    private readonly workers?: IndexWorkers;
    /** Files start-up builds after the link targets (their texts are read again then: not all kept at once). */
    private deferred: URI[] = [];
    /** Start-up, until the folder's index is saved. */
    private startUp: Promise<void> = Promise.resolve();
    /** One URI object per target of the references taken back (most cite the same registry). */
    private readonly targetUris = new Map<string, URI>();
    /** Start-up with an index saved by an earlier session: what it held, and the documents taken back from it. */
    private session?: {
        folders: string[];
        saved?: Map<string, SavedDocument>;
        fingerprints: Map<string, string>;
        restored: LangiumDocument[];
        built: string[];
    };

    constructor(
        services: LangiumSharedServices & { workspace: { IndexStore?: IndexStore; IndexWorkers?: IndexWorkers } }
    ) {
        super(services);
        this.factory = services.workspace.LangiumDocumentFactory;
        this.textDocuments = services.workspace.TextDocuments;
        this.index = services.workspace.IndexManager as ThiduaIndexManager;
        this.inChunks = services.lsp.Connection !== undefined;
        this.store = this.inChunks ? services.workspace.IndexStore : undefined;
        this.workers = this.inChunks ? services.workspace.IndexWorkers : undefined;
        // The editor closing the folder as start-up ends waits for the index being saved (briefly: the editor's
        // client gives up after 2 s).
        if (this.store)
            services.lsp.Connection?.onShutdown(() =>
                Promise.race([this.startUp, new Promise<void>(resolve => setTimeout(resolve, SHUTDOWN_WAIT_MS))])
            );
    }

    /** Resolves once start-up has ended and the folder's index is saved (at once when there is nothing to save). */
    get indexSaved(): Promise<void> {
        return this.startUp;
    }

    // Start-up is not cancelled by the first edit (Langium's is, and the edit then builds the whole folder at once):
    // the documents of later chunks exist nowhere else yet, and they link against the first build's index.
    // The edit's update waits for start-up to finish; a file the editor opened meanwhile goes in the next chunk.
    override async initializeWorkspace(
        folders: WorkspaceFolder[],
        cancelToken = CancellationToken.None
    ): Promise<void> {
        if (!this.inChunks) return super.initializeWorkspace(folders, cancelToken);
        let ended = () => {};
        this.startUp = new Promise<void>(resolve => (ended = resolve));
        try {
            if (this.store) {
                const keys = folders.map(f => f.uri);
                this.session = { folders: keys, fingerprints: new Map(), restored: [], built: [] };
                this.session.saved = await this.store.load(keys).catch(() => undefined);
            }
            await super.initializeWorkspace(folders, CancellationToken.None);
            await this.buildDeferred();
            await this.relinkRestored();
            // The editor's requests waiting for the folder are answered before the save.
            await queuedMessagesFirst();
            // Made before start-up ends, so that no edit is built meanwhile; requests are answered between slices. The
            // memory is given back once the index is saved (a collection here held the editor's first requests after
            // a large folder for 0.15 s, and the memory came back no sooner).
            const entries = await this.savedEntries();
            void this.saveIndex(entries).finally(ended);
        } catch (e) {
            ended();
            throw e;
        } finally {
            this.session = undefined;
            this.workers?.stop?.();
        }
        // Once the index is saved and the edits queued during start-up are built (reads wait for queued writes),
        // memory is returned.
        void this.startUp.then(() => this.mutex.read(() => returnMemory()));
    }

    /**
     * Builds the files left after the link targets, a chunk at a time, the editor's open files first; worker threads
     * (if any) build some of them meanwhile, and what a thread took and did not give back is built here after.
     */
    private async buildDeferred(): Promise<void> {
        // Files in order, each taken once: a file the editor opens meanwhile goes first.
        const pending = new Map(this.deferred.map(uri => [uri.toString(), uri]));
        this.deferred = [];
        const order = pending.values();
        const next = (size: number, skipOpen: boolean) => {
            const chunk: URI[] = [];
            while (chunk.length < size) {
                const d = order.next();
                if (d.done) break;
                const key = d.value.toString();
                // A file open in the editor is built here, first.
                if (skipOpen && this.textDocuments.get(key)) continue;
                if (pending.delete(key)) chunk.push(d.value);
            }
            return chunk;
        };
        const away = new Map<string, URI>();
        const startThreads = () =>
            this.startThreads(
                pending.size,
                size => {
                    const chunk = next(size, true);
                    for (const uri of chunk) away.set(uri.toString(), uri);
                    return chunk.length ? chunk.map(uri => uri.toString()) : undefined;
                },
                entries => {
                    for (const [key, saved] of entries) {
                        const uri = away.get(key);
                        if (!uri || this.textDocuments.get(key) || this.langiumDocuments.hasDocument(uri)) continue;
                        away.delete(key);
                        if (saved.fingerprint) this.session?.fingerprints.set(key, saved.fingerprint);
                        this.restore(uri, saved);
                    }
                }
            );
        let threads: Promise<void> | undefined;
        for (;;) {
            const open = this.textDocuments
                .keys()
                .flatMap(uri => pending.get(uri) ?? [])
                .slice(0, CHUNK);
            for (const uri of open) pending.delete(uri.toString());
            const chunk = open.length ? open : next(CHUNK, false);
            if (!chunk.length) break;
            await this.buildChunk(chunk, open.length > 0);
            // Threads start once the first files are built: the editor's open file is checked first.
            threads ??= startThreads();
            collectIfGrown(COLLECT_FLOOR_MB);
            // Let the server send the diagnostics just made and answer the editor's requests between chunks.
            await new Promise(resolve => setImmediate(resolve));
        }
        await threads;
        const left = [...away.values(), ...pending.values()];
        for (let i = 0; i < left.length; i += CHUNK) await this.buildChunk(left.slice(i, i + CHUNK), false);
    }

    /**
     * Builds files read at start-up. A file open in the editor is checked as an edit would check it: its diagnostics
     * appear now, not after the whole folder is indexed (it links only to documents built before it).
     */
    private async buildChunk(chunk: URI[], open: boolean): Promise<void> {
        const files = this.readAll(chunk.filter(uri => !this.langiumDocuments.hasDocument(uri)));
        if (open) {
            await this.documentBuilder.build(
                this.addAll(files),
                this.documentBuilder.updateBuildOptions,
                CancellationToken.None
            );
            return;
        }
        for (const file of files) await this.buildOne(file);
    }

    private addAll(files: { uri: URI; text: string }[]): LangiumDocument[] {
        return files.map(f => {
            const document = this.factory.fromString(f.text, f.uri);
            this.langiumDocuments.addDocument(document);
            return document;
        });
    }

    /**
     * Parses and builds one file (the files built after the link targets do not link to each other): its tree then
     * lives for its own build only and dies in the young generation. Parsed together, the trees of a chunk outlived a
     * few minor collections and were all copied to the old generation, only to be freed by full collections.
     */
    private async buildOne(file: { uri: URI; text: string }): Promise<LangiumDocument> {
        const [document] = this.addAll([file]);
        await this.documentBuilder.build([document], this.initialBuildOptions, CancellationToken.None);
        return document;
    }

    /**
     * The texts of files; a file that can no longer be read is left out (said in the log). Read synchronously: for
     * files of a few KB, a read through promises cost eight times the processor time (0.4 s for 5,000 files). With a
     * saved index, each file's bytes are fingerprinted as they are built (`fingerprint`: in a thread).
     */
    private readAll(
        uris: URI[],
        fingerprint = this.fingerprinter()
    ): { uri: URI; text: string; fingerprint?: string }[] {
        return uris.flatMap(uri => {
            try {
                if (!fingerprint) return [{ uri, text: this.fileSystemProvider.readFileSync(uri) }];
                const bytes = this.fileSystemProvider.readBinarySync(uri);
                const text = this.textOf(uri, bytes) ?? this.fileSystemProvider.readFileSync(uri);
                const print = fingerprint(bytes);
                this.session?.fingerprints.set(uri.toString(), print);
                return [{ uri, text, fingerprint: print }];
            } catch (e) {
                console.error(`thidua: bỏ qua một tệp. ${(e as Error).message}`);
                return [];
            }
        });
    }

    /** How the files built in this start-up are fingerprinted for the saved index (undefined: none is saved). */
    private fingerprinter(): ((bytes: Uint8Array) => string) | undefined {
        const store = this.store;
        return store && this.session ? bytes => store.fingerprint(bytes) : undefined;
    }

    /**
     * Starts the threads that build files beside this one (none for a small folder), giving them what the
     * documents built so far export: the files left to build link only to those (`mayBeLinkTarget`).
     */
    private startThreads(
        files: number,
        next: (size: number) => string[] | undefined,
        built: (entries: [string, SavedDocument][]) => void
    ): Promise<void> {
        const count = this.workers?.count(files) ?? 0;
        if (!this.workers || !count) {
            this.workers?.stop?.();
            return Promise.resolve();
        }
        const targets: LinkTarget[] = this.langiumDocuments.all.toArray().flatMap(d => {
            const uri = d.uri.toString();
            const exports = this.index.exportsOf(uri);
            if (!exports.length) return [];
            const text = this.textDocuments.get(uri) ? d.textDocument.getText() : undefined;
            return [{ uri, exports: saveExports(exports), text }];
        });
        return this.workers
            .run(count, targets, () => next(THREAD_CHUNK), built, this.fingerprinter() !== undefined)
            .catch(() => undefined);
    }

    /**
     * In a thread building files for start-up, before it is given any: makes the parser and lexer and builds a short
     * text once (~0.15 s), while the server is still reading the folder.
     */
    async warmUp(): Promise<void> {
        const document = this.factory.fromString(WARM_UP_TEXT, URI.parse('memory:///khoi-dong.thidua'));
        this.langiumDocuments.addDocument(document);
        try {
            await this.documentBuilder.build([document], this.initialBuildOptions, CancellationToken.None);
        } finally {
            // Its names are never linked to, nor given back with the folder's entries.
            (this.documentBuilder as ThiduaDocumentBuilder).forget([document]);
        }
    }

    /** In a thread building files for start-up: takes the documents they may link to. */
    async takeTargets(targets: LinkTarget[]): Promise<void> {
        const documents: LangiumDocument[] = [];
        for (const target of targets) {
            const uri = URI.parse(target.uri);
            if (target.text === undefined) {
                // Parsed from the file if a link needs its tree.
                const document = (this.factory as ThiduaDocumentFactory).restore(uri);
                this.index.restore(target.uri, exportsOf(target, uri), []);
                this.langiumDocuments.addDocument(document);
                continue;
            }
            const document = this.factory.fromString(target.text, uri);
            this.langiumDocuments.addDocument(document);
            documents.push(document);
        }
        await this.documentBuilder.build(documents, this.initialBuildOptions, CancellationToken.None);
    }

    /**
     * In a thread building files for start-up: builds them and gives their entries (with the fingerprints of the
     * bytes built), then forgets them.
     */
    async entriesOf(uris: string[], fingerprint?: (bytes: Uint8Array) => string): Promise<[string, SavedDocument][]> {
        const entries: [string, SavedDocument][] = [];
        // A thread keeps trees (it has no editor): each file is forgotten once built, so its tree dies young.
        for (const file of this.readAll(
            uris.map(uri => URI.parse(uri)),
            fingerprint
        )) {
            const document = await this.buildOne(file);
            const entry = this.entryOf(document, file.fingerprint ?? '');
            if (entry) entries.push([document.uri.toString(), entry]);
            (this.documentBuilder as ThiduaDocumentBuilder).forget([document]);
        }
        // A thread's heap is its own: left alone, it grew to ~500 MB of garbage beside the server's. It keeps almost
        // nothing, so it collects sooner.
        collectIfGrown(COLLECT_FLOOR_MB / 2);
        return entries;
    }

    /** What a built document gives the saved index (undefined: it is not built that far). */
    private entryOf(document: LangiumDocument, fingerprint: string): SavedDocument | undefined {
        const uri = document.uri.toString();
        const names = (this.documentBuilder as ThiduaDocumentBuilder).namesOf(document);
        if (!names || document.state < DocumentState.IndexedReferences) return undefined;
        const digest = (
            this.serviceRegistry.getServices(document.uri) as ThiduaServices
        ).model.DocumentModel.digestSourceOf(document);
        if (!digest) return undefined;
        return {
            fingerprint,
            exports: saveExports(this.index.exportsOf(uri)),
            references: saveReferences(this.index.referencesOf(uri)),
            digest,
            ...names
        };
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

    /**
     * What every document gives the saved index, for the next session (undefined: nothing to save, or all was taken
     * back as is). Made a slice at a time; the editor's documents first, at once (their texts may change meanwhile).
     */
    private async savedEntries(): Promise<Map<string, SavedDocument> | undefined> {
        const session = this.session;
        if (!this.store || !session) return undefined;
        const all = this.langiumDocuments.all.toArray();
        // The fingerprint of the bytes each document was built from at start-up (or taken back for), open or not: an
        // edit is built after start-up, and a file changed on the disk since is found changed next session.
        const fingerprints = new Map(all.map(d => [d.uri.toString(), session.fingerprints.get(d.uri.toString())]));
        // The same bytes give the same entries: nothing to write when every file is as saved.
        const saved = session.saved;
        if (saved?.size === all.length && [...fingerprints].every(([uri, f]) => f && saved.get(uri)?.fingerprint === f))
            return undefined;
        const entryOf = (document: LangiumDocument) => {
            const fingerprint = fingerprints.get(document.uri.toString());
            return fingerprint ? this.entryOf(document, fingerprint) : undefined;
        };
        const open = new Map(all.filter(d => this.textDocuments.get(d.uri.toString())).map(d => [d, entryOf(d)]));
        const documents = new Map<string, SavedDocument>();
        for (let i = 0; i < all.length; i++) {
            if (i % SAVE_SLICE === 0) await queuedMessagesFirst();
            const entry = open.has(all[i]) ? open.get(all[i]) : entryOf(all[i]);
            if (entry) documents.set(all[i].uri.toString(), entry);
        }
        return documents;
    }

    /** Saves the folder's index for the next session. */
    private async saveIndex(documents: Map<string, SavedDocument> | undefined): Promise<void> {
        const session = this.session;
        if (!this.store || !session || !documents) return;
        await this.store.save(session.folders, documents).catch((e: Error) => {
            console.error(`thidua: không lưu được chỉ mục của thư mục. ${e.message}`);
        });
    }

    /** The text of bytes already read, decoded as the file system reads files (undefined: it cannot, read the file). */
    private textOf(uri: URI, bytes: Uint8Array): string | undefined {
        return (this.fileSystemProvider as Partial<{ textOf(uri: URI, bytes: Uint8Array): string }>).textOf?.(
            uri,
            bytes
        );
    }

    /** Whether the file system reads these bytes as UTF-8 text (undefined: it does not say; they are decoded). */
    private isUtf8(bytes: Uint8Array): boolean {
        return (this.fileSystemProvider as Partial<{ isUtf8(bytes: Uint8Array): boolean }>).isUtf8?.(bytes) ?? false;
    }

    /** Takes a document back from the saved index: its entries, digest and looked-up names, without a tree. */
    private restore(uri: URI, saved: SavedDocument): LangiumDocument {
        // Read from a file or another thread: each text its own copy, kept for the whole folder unless shared.
        shareTexts(saved);
        const document = (this.factory as ThiduaDocumentFactory).restore(uri);
        this.index.restore(uri.toString(), exportsOf(saved, uri), referencesOf(saved, uri, this.targetUris));
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
        // In a language server, only what each text offers and asks is kept until all are read (not the texts).
        const files: { uri: URI; text?: string; facts?: LinkFacts }[] = [];
        const hits: { uri: URI; saved: SavedDocument }[] = [];
        const queue = uris.toArray();
        const session = this.session;
        // A folder opened for the first time: the threads that will build part of it load while it is read.
        if (!session?.saved?.size) this.workers?.prepare?.(queue.length);
        // One file at a time (reading thousands at once held all their bytes together, and the process kept that
        // memory after they were freed), synchronously (see readAll), letting the server answer every 200 files.
        for (let n = 1, uri = queue.pop(); uri; uri = queue.pop(), n++) {
            if (n % 200 === 0) await new Promise(resolve => setImmediate(resolve));
            try {
                const key = uri.toString();
                const bytes = this.fileSystemProvider.readBinarySync(uri);
                const saved = session?.saved?.get(key);
                // A file whose bytes are those of the saved index is taken back from it, not parsed. The others are
                // fingerprinted when they are built (beside the other threads' work, not before it).
                if (this.store && session && saved && !this.textDocuments.get(key)) {
                    const fingerprint = this.store.fingerprint(bytes);
                    if (saved.fingerprint === fingerprint) {
                        session.fingerprints.set(key, fingerprint);
                        hits.push({ uri, saved });
                        continue;
                    }
                }
                // A UTF-8 file's facts are read from its bytes; any other is decoded (or refused) as a read is.
                if (this.inChunks && this.isUtf8(bytes)) files.push({ uri, facts: linkFactsOfUtf8(bytes) });
                else {
                    const text = this.textOf(uri, bytes) ?? this.fileSystemProvider.readFileSync(uri);
                    files.push(this.inChunks ? { uri, facts: linkFacts(text) } : { uri, text });
                }
            } catch (e) {
                console.error(`thidua: bỏ qua một tệp. ${(e as Error).message}`);
            }
        }
        // Start-up order does not depend on which file the disk returned first.
        const byUri = (a: { uri: URI }, b: { uri: URI }) => (a.uri.toString() < b.uri.toString() ? -1 : 1);
        files.sort(byUri);
        if (session) {
            session.restored = hits.sort(byUri).map(h => this.restore(h.uri, h.saved));
            session.built = files.map(f => f.uri.toString());
        }
        if (!this.inChunks) {
            for (const f of files) collector(this.factory.fromString(f.text!, f.uri));
            return;
        }
        const referred = new Set(files.flatMap(f => f.facts!.referred));
        const targets = files.filter(f => offersTo(f.facts!, referred));
        this.deferred = files.filter(f => !offersTo(f.facts!, referred)).map(f => f.uri);
        for (const f of this.readAll(targets.map(t => t.uri))) collector(this.factory.fromString(f.text, f.uri));
    }
}
