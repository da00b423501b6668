import { randomBytes } from 'node:crypto';
import { promises as fs, rmSync } from 'node:fs';
import * as path from 'node:path';
import { Packer } from 'docx';
import { isDocument, type Model } from '../language/generated/ast.js';
import { generateDocx, type DocxOptions } from '../generate/docx.js';
import { generateHtml } from '../generate/html.js';
import { generateText } from '../generate/text.js';
import { checkPaths, EXTENSION } from './workspace.js';

export type ExportFormat = 'docx' | 'html' | 'txt';
export interface Io { out(text: string): void; err(text: string): void }

/** A document that cannot be written where asked: said in Vietnamese, nothing left behind. */
export class WriteError extends Error {}

function writeReason(e: NodeJS.ErrnoException, target: string): string {
    switch (e.code) {
        case 'EACCES': case 'EPERM': case 'EROFS':
            return `Không ghi được "${target}": thư mục chỉ đọc hoặc không có quyền ghi. Hãy chọn thư mục khác bằng --out.`;
        case 'EBUSY': case 'ETXTBSY': case 'EISDIR':
            return `Không ghi đè được "${target}": tệp đang được mở hoặc khóa bởi chương trình khác (ví dụ Word), hoặc trùng tên một thư mục. Hãy đóng tệp rồi xuất lại.`;
        case 'ENOSPC':
            return `Không ghi được "${target}": ổ đĩa đã đầy.`;
        case 'ENOTDIR': case 'EEXIST':
            return `Không ghi được "${target}": đường dẫn thư mục xuất trùng với một tệp.`;
        default:
            return `Không ghi được "${target}": ${e.message}`;
    }
}

/** Writes through a temporary file in the same folder and a rename, so a reader never sees half a file. */
export async function writeAtomically(target: string, content: string | Uint8Array): Promise<void> {
    const dir = path.dirname(target);
    const tmp = path.join(dir, `.${path.basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
    if (stopping) throw new WriteError(`Đã dừng: chưa ghi ${target}.`);
    pending.add(tmp);
    try {
        await fs.mkdir(dir, { recursive: true });
        await fs.writeFile(tmp, content);
        if (stopping) throw new Error('stopped');
        await fs.rename(tmp, target);
    } catch (e) {
        await fs.rm(tmp, { force: true }).catch(() => undefined);
        throw new WriteError(writeReason(e as NodeJS.ErrnoException, target));
    } finally {
        pending.delete(tmp);
    }
}

/** Temporary files being written: removed when the process is stopped (Ctrl-C, kill) before their rename. */
const pending = new Set<string>();
let stopping = false;

/**
 * For the CLI: on SIGINT/SIGTERM no new write starts, the writes under way finish into their temporary files (a
 * file being created cannot be removed before it exists), those are removed, and the process ends with the
 * signal's exit code.
 */
export function removeTemporaryFilesOnSignal(): void {
    for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143]] as const) {
        process.once(signal, () => {
            stopping = true;
            const started = Date.now();
            const finish = () => {
                if (pending.size && Date.now() - started < 2000) { setTimeout(finish, 10); return; }
                for (const tmp of pending) rmSync(tmp, { force: true });
                process.exit(code);
            };
            finish();
        });
    }
}

/** The output of one document in one format (pure apart from docx packing, which is in memory). */
export async function render(root: Model, format: ExportFormat, options: DocxOptions = {}): Promise<string | Uint8Array> {
    if (format === 'docx') return new Uint8Array(await Packer.toBuffer(generateDocx(root, options)));
    if (format === 'html') return generateHtml(root);
    return generateText(root);
}

/** Exports every document (not registries) found in `paths`; returns the exit code. */
export async function exportPaths(paths: string[], format: ExportFormat, outDir: string | undefined, io: Io, options: DocxOptions = {}): Promise<number> {
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
