import { promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { isDocument } from '../language/generated/ast.js';
import type { DocxOptions } from '../generate/docx.js';
import { render, syntaxErrorCount, type ExportFormat } from '../generate/render.js';
import { convertFiles, INSTALL_LIBREOFFICE, libreOffice, LibreOfficeError } from '../io/libreoffice.js';
import { ownerOf, writeAtomically, WriteError } from '../io/write.js';
import { checkPaths, EXTENSION } from './workspace.js';

export type { ExportFormat } from '../generate/render.js';
export interface Io {
    out(text: string): void;
    err(text: string): void;
}

export type OutputFormat = ExportFormat | 'pdf';

/**
 * Exports every document (not registries) found in `paths`; returns the exit code. PDF is the Word rendering
 * converted by LibreOffice, all documents in one run.
 */
export async function exportPaths(
    paths: string[],
    format: OutputFormat,
    outDir: string | undefined,
    io: Io,
    options: DocxOptions = {},
    { force = false } = {}
): Promise<number> {
    if (format === 'pdf' && !libreOffice()) {
        io.err(
            `Xuất PDF cần LibreOffice để dựng trang từ bản Word, nhưng máy này chưa có. ${INSTALL_LIBREOFFICE} ` +
                'Hoặc xuất ra Word (--format docx) rồi lưu thành PDF trong Word.\n'
        );
        return 2;
    }
    // Export needs the tree and its links; the checks are `thidua check`'s job.
    const files = await checkPaths(paths, { validate: false });
    let code = 0;
    const rendered: { file: string; target: string; content: string | Uint8Array }[] = [];
    for (const f of files) {
        const root = f.document.parseResult.value;
        if (!isDocument(root)) continue;
        const syntax = syntaxErrorCount(f.document.parseResult);
        if (syntax) {
            io.err(
                `Chưa xuất ${f.file}: văn bản còn ${syntax} lỗi cú pháp (xem "thidua check"); xuất lúc này có thể làm mất chữ.\n`
            );
            code = Math.max(code, 1);
            continue;
        }
        // Only the file's own name is used: nothing in a document or path can send the output elsewhere.
        const target = path.join(outDir ?? path.dirname(f.file), path.basename(f.file, EXTENSION) + '.' + format);
        rendered.push({
            file: f.file,
            target,
            content: await render(root, format === 'pdf' ? 'docx' : format, options)
        });
    }
    const temporary = format === 'pdf' ? await fs.mkdtemp(path.join(tmpdir(), 'thidua-pdf-')) : undefined;
    try {
        if (temporary) {
            try {
                await toPdf(rendered, temporary);
            } catch (e) {
                if (!(e instanceof LibreOfficeError)) throw e;
                io.err(e.message + '\n');
                return 2;
            }
        }
        // Documents are checked and written one after the other while the previous ones are being written.
        const writes: { target: string; done: Promise<unknown> }[] = [];
        for (const r of rendered) {
            if (r.content.length === 0) {
                io.err(`Chưa xuất ${r.file}: LibreOffice không dựng được bản PDF của văn bản này.\n`);
                code = 2;
                continue;
            }
            const owner = await ownerOf(r.target, r.content);
            if (owner === 'read-only') {
                io.err(
                    `Không ghi đè "${r.target}": tệp chỉ đọc. Hãy bỏ thuộc tính chỉ đọc hoặc chọn thư mục xuất khác.\n`
                );
                code = 2;
                continue;
            }
            if (owner === 'other' && !force) {
                io.err(
                    `Chưa xuất ${r.file}: "${r.target}" đã có và không do thidua viết (có thể đã sửa trong Word). ` +
                        'Hãy đổi tên tệp đó, chọn thư mục khác bằng --out, hoặc thêm --force để ghi đè.\n'
                );
                code = 2;
                continue;
            }
            // Two documents with the same name (from two folders) are written in their order: the last one stays.
            const previous = [...writes].reverse().find(w => w.target === r.target)?.done ?? Promise.resolve();
            const content = r.content;
            writes.push({
                target: r.target,
                done: previous
                    .then(() => writeAtomically(r.target, content))
                    .then(
                        () => undefined,
                        (e: unknown) => e
                    )
            });
        }
        for (const w of writes) {
            const e = await w.done;
            if (e === undefined) io.out(`Đã xuất: ${w.target}\n`);
            else if (e instanceof WriteError) {
                io.err(e.message + '\n');
                code = 2;
            } else throw e;
        }
    } finally {
        if (temporary) await fs.rm(temporary, { recursive: true, force: true });
    }
    return code;
}

/** Replaces each rendered Word file by its PDF (empty when LibreOffice could not make it): one LibreOffice run. */
async function toPdf(rendered: { content: string | Uint8Array }[], dir: string): Promise<void> {
    const sources = await Promise.all(
        rendered.map(async (r, i) => {
            const file = path.join(dir, `${String(i).padStart(4, '0')}.docx`);
            await fs.writeFile(file, r.content);
            return file;
        })
    );
    if (!sources.length) return;
    const pdfs = await convertFiles(sources, 'pdf', dir);
    await Promise.all(
        rendered.map(async (r, i) => {
            const pdf = pdfs.get(sources[i]);
            r.content = pdf ? new Uint8Array(await fs.readFile(pdf)) : new Uint8Array();
        })
    );
}
