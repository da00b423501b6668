import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { DocumentState, URI, type LangiumDocument, type LangiumSharedCoreServices } from 'langium';
import type { Diagnostic } from 'vscode-languageserver';
import { createThiduaCoreServices, type ThiduaCoreServices } from '../language/thidua-module.js';
import { isLoaded, type ThiduaDocumentFactory } from '../language/workspace/thidua-document-factory.js';
import { collectIfGrown } from '../language/workspace/collect-garbage.js';
import { MAX_FILE_BYTES, readReason, readThiduaFileSync, ReadError, ThiduaFileSystem } from '../io/read.js';
import { mayBeLinkTarget, referredIds } from '../language/syntax/link-targets.js';

export const EXTENSION = '.thidua';

/** A problem with the input itself (missing, unreadable, not UTF-8): the CLI exits with 2. */
export class InputError extends Error {}

export interface CheckedFile {
    file: string;
    document: LangiumDocument;
    diagnostics: Diagnostic[];
}

async function listThidua(dir: string, recursive: boolean): Promise<string[]> {
    let entries;
    try {
        entries = await fs.readdir(dir, { withFileTypes: true });
    } catch (e) {
        throw new InputError(`Không đọc được thư mục ${dir}: ${readReason(e)}.`);
    }
    const out: string[] = [];
    for (const e of entries.sort((a, b) => a.name.localeCompare(b.name))) {
        const p = path.join(dir, e.name);
        if (e.isDirectory() && recursive && !e.name.startsWith('.') && e.name !== 'node_modules')
            out.push(...(await listThidua(p, true)));
        else if (e.isFile() && e.name.endsWith(EXTENSION)) out.push(p);
    }
    return out;
}

export { MAX_FILE_BYTES };

/** Reads a file as a .thidua text; anything else is refused with a Vietnamese explanation of what to do. */
function readText(file: string): string {
    let text: string;
    try {
        text = readThiduaFileSync(file);
    } catch (e) {
        if (e instanceof ReadError) throw new InputError(e.message);
        throw e;
    }
    if (/^\s*$/.test(text)) throw new InputError(`Tệp ${file} rỗng: không có nội dung để kiểm tra hay xuất.`);
    return text;
}

/** A check of more documents than this builds them this many at a time, holding only one chunk's trees. */
const CHUNK = 200;

/**
 * Resolves the paths given on the command line into the files to report on, and loads them together with
 * every other .thidua file of their folders, so that citations resolve against the folder's registry.
 * `validate: false` (export) parses and links only.
 */
export async function checkPaths(
    paths: string[],
    options: { validate?: boolean; chunk?: number } = {}
): Promise<CheckedFile[]> {
    const targets: string[] = [];
    const context = new Set<string>();
    for (const p of paths) {
        let stat;
        try {
            stat = await fs.stat(p);
        } catch (e) {
            throw new InputError(`Không tìm thấy tệp hoặc thư mục "${p}": ${readReason(e)}.`);
        }
        // One file is one document however its path is written ("a//x", "./x", "a/../a/x", relative or absolute).
        if (stat.isDirectory()) {
            const files = (await listThidua(p, true)).map(f => path.resolve(f));
            targets.push(...files);
            files.forEach(f => context.add(f));
        } else {
            targets.push(path.resolve(p));
            context.add(path.resolve(p));
            for (const sibling of await listThidua(path.dirname(p), false)) context.add(path.resolve(sibling));
        }
    }
    const { shared } = createThiduaCoreServices(ThiduaFileSystem);
    const requested = new Set(targets.map(t => path.resolve(t)));
    const files = [...context];
    // Read synchronously: for files of a few KB, reads through promises cost several times the processor time.
    const texts: PromiseSettledResult<string>[] = files.map(file => {
        try {
            return { status: 'fulfilled', value: readText(file) };
        } catch (reason) {
            return { status: 'rejected', reason };
        }
    });
    // Export reads a neighbour only for what the requested files link to (a check also compares their citations).
    const validate = options.validate ?? true;
    const referred = referredIds(
        texts.flatMap((t, i) => (t.status === 'fulfilled' && requested.has(path.resolve(files[i])) ? [t.value] : []))
    );
    const loaded: { uri: URI; text: string; file: string }[] = [];
    for (let i = 0; i < files.length; i++) {
        const file = files[i],
            read = texts[i];
        if (read.status === 'rejected') {
            // A neighbour loaded only for its registry entries must not stop the check of the requested files.
            if (read.reason instanceof InputError && !requested.has(path.resolve(file))) continue;
            throw read.reason;
        }
        const text = read.value;
        if (!validate && !requested.has(path.resolve(file)) && !mayBeLinkTarget(text, referred)) continue;
        loaded.push({ uri: URI.file(path.resolve(file)), text, file: path.resolve(file) });
    }
    texts.length = 0;
    const chunk = options.chunk ?? CHUNK;
    const loadedPaths = loaded.map(f => f.file);
    let documents: LangiumDocument[];
    if (validate && loaded.length > chunk) documents = await buildInChunks(shared, loaded.splice(0), chunk);
    else {
        documents = loaded.map(f => shared.workspace.LangiumDocumentFactory.fromString(f.text, f.uri));
        documents.forEach(d => shared.workspace.LangiumDocuments.addDocument(d));
        await shared.workspace.DocumentBuilder.build(documents, { validation: validate });
    }
    const byPath = new Map(documents.map((d, i) => [loadedPaths[i], d]));
    const unique = [...new Set(targets.map(t => path.resolve(t)))];
    return unique.map(abs => {
        const document = byPath.get(abs)!;
        // Hints are editor suggestions (e.g. a normalised date form), not findings of a check run.
        const diagnostics = (document.diagnostics ?? []).filter(d => d.severity !== 4);
        return { file: path.relative(process.cwd(), abs) || abs, document, diagnostics };
    });
}

/**
 * Checks a folder too large to hold every tree at once (a province's archive): the documents are parsed and indexed
 * one by one (`files` is emptied as they are), each tree and text dropped once its digest is made; then linked
 * again and validated `size` at a time against the whole folder's index, each tree parsed again from its file and
 * dropped after. The findings equal those of one build.
 */
async function buildInChunks(
    shared: LangiumSharedCoreServices,
    files: { uri: URI; text: string }[],
    size: number
): Promise<LangiumDocument[]> {
    const { LangiumDocuments, DocumentBuilder, IndexManager } = shared.workspace;
    const factory = shared.workspace.LangiumDocumentFactory as ThiduaDocumentFactory;
    const services = (d: LangiumDocument) => shared.ServiceRegistry.getServices(d.uri) as ThiduaCoreServices;
    const documents: LangiumDocument[] = [];
    // `files` is consumed as it is read: only one chunk's texts are held.
    while (files.length) {
        // Each is parsed and indexed on its own, its tree dropped at once: it dies young (a chunk's trees parsed
        // together outlived minor collections and were copied to the old generation: 40 % of what a check copied).
        for (const file of files.splice(0, size)) {
            const d = factory.fromString(file.text, file.uri);
            LangiumDocuments.addDocument(d);
            await DocumentBuilder.build([d], { validation: false });
            services(d).model.DocumentModel.digestOf(d);
            factory.unload(d);
            documents.push(d);
        }
        collectIfGrown();
    }
    for (let i = 0; i < documents.length; i += size) {
        const chunk = documents.slice(i, i + size);
        // The first links saw only the chunks indexed before theirs.
        for (const d of chunk) {
            services(d).references.Linker.unlink(d);
            IndexManager.removeReferences(d.uri);
            d.state = DocumentState.ComputedScopes;
        }
        await DocumentBuilder.build(chunk, { validation: true });
        for (const d of LangiumDocuments.all) if (isLoaded(d)) factory.unload(d);
        collectIfGrown();
    }
    return documents;
}
