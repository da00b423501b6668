import * as path from 'node:path';
import { isDocument } from '../language/generated/ast.js';
import type { DocxOptions } from '../generate/docx.js';
import { render, type ExportFormat } from '../generate/render.js';
import { ownerOf, writeAtomically, WriteError } from '../io/write.js';
import { checkPaths, EXTENSION } from './workspace.js';

export type { ExportFormat } from '../generate/render.js';
export interface Io { out(text: string): void; err(text: string): void }

/** Exports every document (not registries) found in `paths`; returns the exit code. */
export async function exportPaths(
    paths: string[], format: ExportFormat, outDir: string | undefined, io: Io, options: DocxOptions = {}, { force = false } = {}
): Promise<number> {
    // Export needs the tree and its links; the checks are `thidua check`'s job.
    const files = await checkPaths(paths, { validate: false });
    let code = 0;
    // Documents are rendered one after the other while the previous ones are being written.
    const writes: { target: string; done: Promise<unknown> }[] = [];
    for (const f of files) {
        const root = f.document.parseResult.value;
        if (!isDocument(root)) continue;
        const syntax = f.document.parseResult.lexerErrors.length + f.document.parseResult.parserErrors.length;
        if (syntax) {
            io.err(`Chưa xuất ${f.file}: văn bản còn ${syntax} lỗi cú pháp (xem "thidua check"); xuất lúc này có thể làm mất chữ.\n`);
            code = Math.max(code, 1);
            continue;
        }
        // Only the file's own name is used: nothing in a document or path can send the output elsewhere.
        const name = path.basename(f.file, EXTENSION) + '.' + format;
        const target = path.join(outDir ?? path.dirname(f.file), name);
        const content = await render(root, format, options);
        const owner = await ownerOf(target, content);
        if (owner === 'read-only') {
            io.err(`Không ghi đè "${target}": tệp chỉ đọc. Hãy bỏ thuộc tính chỉ đọc hoặc chọn thư mục xuất khác.\n`);
            code = 2;
            continue;
        }
        if (owner === 'other' && !force) {
            io.err(`Chưa xuất ${f.file}: "${target}" đã có và không do thidua viết (có thể đã sửa trong Word). `
                + 'Hãy đổi tên tệp đó, chọn thư mục khác bằng --out, hoặc thêm --force để ghi đè.\n');
            code = 2;
            continue;
        }
        // Two documents with the same name (from two folders) are written in their order: the last one stays.
        const previous = [...writes].reverse().find(w => w.target === target)?.done ?? Promise.resolve();
        writes.push({ target, done: previous.then(() => writeAtomically(target, content)).then(() => undefined, (e: unknown) => e) });
    }
    for (const w of writes) {
        const e = await w.done;
        if (e === undefined) io.out(`Đã xuất: ${w.target}\n`);
        else if (e instanceof WriteError) {
            io.err(e.message + '\n');
            code = 2;
        } else throw e;
    }
    return code;
}
