import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { URI, type LangiumDocument } from 'langium';
import type { Diagnostic } from 'vscode-languageserver';
import { createThiduaCoreServices } from '../language/thidua-module.js';
import { NodeFileSystem } from 'langium/node';
import { decodeText, ENCODING_NAMES } from '../domain/encoding.js';
import { mayBeLinkTarget, referredIds } from '../language/thidua-scope-computation.js';

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
        throw new InputError(`Không đọc được thư mục ${dir}: ${reason(e)}.`);
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

function reason(e: unknown): string {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return 'không tồn tại';
    if (code === 'EACCES' || code === 'EPERM') return 'không có quyền đọc';
    if (code === 'EISDIR') return 'đây là thư mục';
    return (e as Error).message;
}

/** The largest file thidua reads: a plan runs to thousands of lines, far below this; memory stays bounded. */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;

/** Reads a file as UTF-8 text; anything else is refused with a Vietnamese explanation of what it is and what to do. */
export async function readText(file: string): Promise<string> {
    let bytes: Buffer;
    try {
        const stat = await fs.stat(file);
        if (stat.size > MAX_FILE_BYTES) {
            throw new InputError(
                `Tệp ${file} quá lớn (${(stat.size / 1024 / 1024).toFixed(1)} MB); thidua đọc tệp đến ${MAX_FILE_BYTES / 1024 / 1024} MB. Một văn bản thi đua chỉ vài chục KB: hãy kiểm tra lại tệp hoặc tách thành nhiều văn bản.`
            );
        }
        bytes = await fs.readFile(file);
    } catch (e) {
        if (e instanceof InputError) throw e;
        throw new InputError(`Không đọc được tệp ${file}: ${reason(e)}.`);
    }
    if (bytes.length === 0 || /^\s*$/.test(bytes.toString('latin1'))) {
        throw new InputError(`Tệp ${file} rỗng: không có nội dung để kiểm tra hay xuất.`);
    }
    const decoded = decodeText(bytes);
    if ('text' in decoded) return decoded.text;
    if (decoded.kind === 'binary') {
        throw new InputError(
            `Tệp ${file} là tệp nhị phân (ví dụ Word, PDF, ảnh), không phải văn bản .thidua. Văn bản .thidua là văn bản thuần mã UTF-8.`
        );
    }
    throw new InputError(
        `Tệp ${file} không phải văn bản Unicode (UTF-8); có vẻ được gõ bằng bảng mã ${ENCODING_NAMES[decoded.kind]}. ` +
            'Hãy chuyển sang Unicode (ví dụ bằng công cụ chuyển mã của Unikey: chọn bảng mã nguồn, đích là Unicode) rồi lưu lại dạng UTF-8.'
    );
}

/**
 * Resolves the paths given on the command line into the files to report on, and loads them together with
 * every other .thidua file of their folders, so that citations resolve against the folder's registry.
 * `validate: false` (export) parses and links only.
 */
export async function checkPaths(paths: string[], options: { validate?: boolean } = {}): Promise<CheckedFile[]> {
    const targets: string[] = [];
    const context = new Set<string>();
    for (const p of paths) {
        let stat;
        try {
            stat = await fs.stat(p);
        } catch (e) {
            throw new InputError(`Không tìm thấy tệp hoặc thư mục "${p}": ${reason(e)}.`);
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
    const { shared } = createThiduaCoreServices(NodeFileSystem);
    const byPath = new Map<string, LangiumDocument>();
    const requested = new Set(targets.map(t => path.resolve(t)));
    const files = [...context];
    const texts = await Promise.allSettled(files.map(readText));
    // Export reads a neighbour only for what the requested files link to (a check also compares their citations).
    const validate = options.validate ?? true;
    const referred = referredIds(
        texts.flatMap((t, i) => (t.status === 'fulfilled' && requested.has(path.resolve(files[i])) ? [t.value] : []))
    );
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
        const doc = shared.workspace.LangiumDocumentFactory.fromString(text, URI.file(path.resolve(file)));
        shared.workspace.LangiumDocuments.addDocument(doc);
        byPath.set(path.resolve(file), doc);
    }
    await shared.workspace.DocumentBuilder.build([...byPath.values()], { validation: validate });
    const unique = [...new Set(targets.map(t => path.resolve(t)))];
    return unique.map(abs => {
        const document = byPath.get(abs)!;
        // Hints are editor suggestions (e.g. a normalised date form), not findings of a check run.
        const diagnostics = (document.diagnostics ?? []).filter(d => d.severity !== 4);
        return { file: path.relative(process.cwd(), abs) || abs, document, diagnostics };
    });
}
