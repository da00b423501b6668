import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { TextDocument, URI, type DocumentSegment, type LangiumDocument, type LangiumSharedCoreServices } from 'langium';
import type { Position } from 'vscode-languageserver';
import { createConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver/node';
import { ThiduaFileSystem } from '../../src/io/read.js';
import { createThiduaServices } from '../../src/language/thidua-module.js';
import type { ThiduaIndexManager } from '../../src/language/workspace/thidua-index-manager.js';
import type { ThiduaWorkspaceManager } from '../../src/language/workspace/thidua-workspace-manager.js';
import type { IndexStore, IndexWorkers } from '../../src/language/workspace/saved-index.js';
import { FileIndexStore } from '../../src/server/index-store.js';
import { EXAMPLES_DIR, workspace } from '../helpers.js';
import type { Model } from '../../src/language/generated/ast.js';

/** A workspace whose main text marks the cursor with <|>. */
export async function withCursor(text: string, files: Record<string, string> = {}) {
    const at = text.indexOf('<|>');
    const clean = text.replace('<|>', '');
    const ws = await workspace({ 'doc.thidua': clean, ...files });
    const doc = ws.docs.get('doc.thidua')!;
    const position: Position = doc.textDocument.positionAt(at < 0 ? 0 : at);
    return { ...ws, doc, position, textDocument: { uri: doc.uri.toString() } };
}

export function positionOf(doc: LangiumDocument<Model>, needle: string, delta = 0): Position {
    const i = doc.textDocument.getText().indexOf(needle);
    if (i < 0) throw new Error(`no "${needle}"`);
    return doc.textDocument.positionAt(i + delta);
}

/**
 * A folder: the examples (registry, plans with ids, reports citing them), `copies` more plans citing the registry
 * (the Chỉ thị Hương Trà without its ids), and one plan citing a number no registry has.
 */
export function plansFolder(prefix: string, copies: number): string {
    const dir = mkdtempSync(join(tmpdir(), prefix));
    cpSync(EXAMPLES_DIR, dir, { recursive: true });
    const plan = readFileSync(join(EXAMPLES_DIR, '003-chi-thi-huong-tra-2024.thidua'), 'utf8');
    for (let i = 0; i < copies; i++)
        writeFileSync(
            join(dir, `them-${String(i).padStart(3, '0')}.thidua`),
            plan.replace(/\{#/g, '{').replace('Hương Trà', `Hương Trà ${i}`)
        );
    writeFileSync(
        join(dir, 'chua-co.thidua'),
        'KẾ HOẠCH\nThi đua\n\nThực hiện [Chỉ thị số 99/CT-XYZ ngày 01/01/2024 của UBND tỉnh].\n'
    );
    return dir;
}

/**
 * Services started on a folder: `editor` as the language server (with a connection: unopened files unloaded), else
 * every tree kept; `prepare` runs before start-up.
 */
export async function startOnFolder(
    dir: string,
    options: {
        editor: boolean;
        indexStore?: IndexStore;
        indexWorkers?: IndexWorkers;
        prepare?: (s: ReturnType<typeof createThiduaServices>) => void;
    }
) {
    const connection = options.editor
        ? createConnection(new StreamMessageReader(new PassThrough()), new StreamMessageWriter(new PassThrough()))
        : undefined;
    const services = createThiduaServices({
        connection,
        ...ThiduaFileSystem,
        indexStore: options.indexStore,
        indexWorkers: options.indexWorkers
    });
    const { shared } = services;
    shared.workspace.ConfigurationProvider.initialized({});
    options.prepare?.(services);
    const folders = [{ uri: URI.file(dir).toString(), name: 'ws' }];
    shared.workspace.WorkspaceManager.initialize({
        workspaceFolders: folders,
        capabilities: {},
        processId: null,
        rootUri: null
    });
    await shared.workspace.WorkspaceManager.initializeWorkspace(folders);
    // The index is saved after start-up, letting the editor's requests in meanwhile.
    await (shared.workspace.WorkspaceManager as ThiduaWorkspaceManager).indexSaved;
    const doc = (name: string) => shared.workspace.LangiumDocuments.getDocument(URI.file(join(dir, name)))!;
    return { ...services, doc };
}

/** A store in a folder of its own; `saved` resolves when a session has written it. */
export function store(dir = mkdtempSync(join(tmpdir(), 'thidua-index-')), code = 'code-1') {
    const inner = new FileIndexStore(dir, code);
    let written: Promise<void> = Promise.resolve();
    const outer: IndexStore & { saved: () => Promise<void>; writes: number } = {
        writes: 0,
        fingerprint: b => inner.fingerprint(b),
        load: f => inner.load(f),
        save: (f, d) => {
            outer.writes++;
            return (written = inner.save(f, d));
        },
        saved: () => written
    };
    return { dir, store: outer };
}

/**
 * A language server's services on the folder (with a connection); `parsed` lists the files parsed here at start-up;
 * `open`: a file the editor holds open.
 */
export async function startCounting(
    dir: string,
    options: {
        indexStore?: IndexStore;
        indexWorkers?: IndexWorkers;
        open?: string;
        prepare?: (s: ReturnType<typeof createThiduaServices>) => void;
    }
) {
    const parsed: string[] = [];
    const services = await startOnFolder(dir, {
        editor: true,
        ...options,
        prepare: services => {
            const { shared } = services;
            options.prepare?.(services);
            if (options.open) {
                const uri = URI.file(join(dir, options.open)).toString();
                (shared.workspace.TextDocuments as unknown as { set(d: TextDocument): void }).set(
                    TextDocument.create(uri, 'thidua', 1, readFileSync(join(dir, options.open), 'utf8'))
                );
            }
            const factory = shared.workspace.LangiumDocumentFactory as unknown as {
                parse(uri: URI, text: string): unknown;
            };
            const original = factory.parse.bind(factory);
            factory.parse = (uri: URI, text: string) => {
                parsed.push(uri.fsPath.slice(dir.length + 1));
                return original(uri, text);
            };
        }
    });
    return { ...services, parsed };
}

/** The digest of every file of the folder, as the workspace checks and completion read it. */
export function digestsOf(s: Awaited<ReturnType<typeof startOnFolder>>, dir: string) {
    return readdirSync(dir)
        .filter(f => f.endsWith('.thidua'))
        .sort()
        .map(f => {
            const d = s.Thidua.model.DocumentModel.digestOf(s.doc(f));
            return { f, ...d, indicators: d.indicators, citations: d.citations };
        });
}

const segment = (s?: DocumentSegment) =>
    s &&
    `${s.offset}+${s.length}=${s.end} ${s.range.start.line}:${s.range.start.character}-` +
        `${s.range.end.line}:${s.range.end.character}`;

/** Everything the folder's index holds, as text: exported names with their places, references with their targets. */
export function indexAsText(
    shared: LangiumSharedCoreServices,
    dir: string
): { exported: string[]; references: string[] } {
    const rel = (uri: URI) => uri.fsPath.slice(dir.length + 1);
    const manager = shared.workspace.IndexManager as ThiduaIndexManager;
    const exported = manager
        .allElements()
        .map(
            d =>
                `${rel(d.documentUri)} ${d.type} ${d.name} ${d.path} ${segment(d.nameSegment)} ${segment(d.selectionSegment)}`
        )
        .toArray()
        .sort();
    const references = shared.workspace.LangiumDocuments.all
        .toArray()
        .flatMap(d => manager.referencesOf(d.uri.toString()))
        .map(
            r =>
                `${rel(r.sourceUri)} ${r.sourcePath} → ${rel(r.targetUri)} ${r.targetPath} ` +
                `${segment(r.segment)} ${r.local}`
        )
        .sort();
    return { exported, references };
}
