import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { URI, type DocumentSegment, type LangiumDocument, type LangiumSharedCoreServices } from 'langium';
import type { Position } from 'vscode-languageserver';
import { createConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver/node';
import { ThiduaFileSystem } from '../../src/io/read.js';
import { createThiduaServices } from '../../src/language/thidua-module.js';
import type { ThiduaIndexManager } from '../../src/language/workspace/thidua-index-manager.js';
import type { IndexStore } from '../../src/language/workspace/saved-index.js';
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
        prepare?: (s: ReturnType<typeof createThiduaServices>) => void;
    }
) {
    const connection = options.editor
        ? createConnection(new StreamMessageReader(new PassThrough()), new StreamMessageWriter(new PassThrough()))
        : undefined;
    const services = createThiduaServices({ connection, ...ThiduaFileSystem, indexStore: options.indexStore });
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
    const doc = (name: string) => shared.workspace.LangiumDocuments.getDocument(URI.file(join(dir, name)))!;
    return { ...services, doc };
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
