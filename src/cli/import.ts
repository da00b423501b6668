import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { EmptyFileSystem } from 'langium';
import { parseCitation } from '../domain/citation.js';
import { detectEncoding, ENCODING_NAMES } from '../domain/encoding.js';
import { importLines, importText, type ImportResult } from '../import/import.js';
import { wordLines } from '../import/word.js';
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { finishImport } from '../import/repair.js';
import { decodeLegacy } from '../import/legacy.js';
import { createThiduaCoreServices } from '../language/thidua-module.js';
import { writeAtomically, WriteError } from '../io/write.js';
import { convertFiles, libreOffice } from '../io/libreoffice.js';
import { readThiduaFile, ReadError } from '../io/read.js';
import type { Io } from './export.js';
import { checkPaths, InputError, MAX_FILE_BYTES } from './workspace.js';

const REGISTRY = 'so-van-ban.thidua';

/** Old Word, OpenDocument and RTF files go through LibreOffice to .docx, in a profile of their own. */
async function convertWithLibreOffice(file: string, bytes: Buffer): Promise<Buffer> {
    if (!libreOffice()) {
        throw new InputError(
            `Tệp ${path.basename(file)} là tệp Word cũ (.doc), OpenDocument hoặc RTF: cần LibreOffice để chuyển đổi. ` +
                'Hãy cài LibreOffice (trên Debian/Ubuntu: gói libreoffice-writer) rồi nhập lại, hoặc mở tệp bằng Word và lưu thành .docx.'
        );
    }
    const dir = await mkdtemp(path.join(tmpdir(), 'thidua-lo-'));
    try {
        const source = path.join(dir, `nguon${path.extname(file).toLowerCase()}`);
        await fs.writeFile(source, bytes);
        const out = (await convertFiles([source], 'docx', dir).catch(() => new Map<string, string>())).get(source);
        if (!out)
            throw new InputError(
                `LibreOffice không chuyển được tệp ${path.basename(file)} sang .docx. Hãy mở tệp bằng Word và lưu thành .docx.`
            );
        return await fs.readFile(out);
    } finally {
        await rm(dir, { recursive: true, force: true });
    }
}

/** A PDF's text layer, by poppler's pdftotext (the page layout kept, so that columns stay apart). */
function pdfText(file: string): string {
    const r = spawnSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], {
        encoding: 'utf8',
        timeout: 60_000,
        maxBuffer: 64 * 1024 * 1024
    });
    if (r.error) {
        throw new InputError(
            `Nhập tệp PDF cần công cụ pdftotext (gói poppler-utils). Hãy cài poppler-utils rồi nhập lại, hoặc mở tệp và lưu thành .docx.`
        );
    }
    if (r.status !== 0 || !r.stdout.trim()) {
        throw new InputError(
            `Tệp ${path.basename(file)} không có lớp chữ (có thể là bản quét): chưa nhập được. Hãy dùng bản Word hoặc bản PDF có chữ.`
        );
    }
    return r.stdout;
}

/**
 * Imports one file as `thidua import` does, without writing: the .thidua text, what was typed, the lines kept as prose.
 */
export async function importFile(file: string, io: Io): Promise<ImportResult & { demoted: number }> {
    const services = createThiduaCoreServices(EmptyFileSystem).Thidua;
    const result = await importSource(file, io);
    const repaired = finishImport(result.text, services);
    return { ...result, text: repaired.text, demoted: repaired.demoted };
}

async function importSource(file: string, io: Io): Promise<ImportResult> {
    const result = await readImport(file, io);
    if (!/[\p{L}\p{N}]/u.test(result.text))
        throw new InputError(`Tệp ${file} không có chữ nào để nhập: không có tệp nào được tạo.`);
    return result;
}

/** Reads a source and imports it: text and PDF through the text import, Word through its paragraphs and tables. */
async function readImport(file: string, io: Io): Promise<ImportResult> {
    const lower = file.toLowerCase();
    if (/\.(docx|doc|odt|rtf)$/.test(lower)) {
        let bytes: Buffer;
        try {
            bytes = await fs.readFile(file);
        } catch (e) {
            throw new InputError(`Không đọc được tệp ${file}: ${(e as Error).message}.`);
        }
        if (bytes.length > MAX_FILE_BYTES)
            throw new InputError(`Tệp ${file} quá lớn (${(bytes.length / 1024 / 1024).toFixed(1)} MB) để nhập.`);
        if (!lower.endsWith('.docx')) bytes = await convertWithLibreOffice(file, bytes);
        await checkUnpackedSize(file, bytes);
        try {
            // Loaded when a Word file is read: the other commands start without it.
            const { default: mammoth } = await import('mammoth');
            let tree: unknown;
            await mammoth.convertToHtml({ buffer: bytes }, { transformDocument: (d: unknown) => (tree = d) } as never);
            return importLines({ lines: wordLines(tree as never), chrome: 0 });
        } catch {
            throw new InputError(
                `Tệp ${file} không phải tệp Word (.docx) đọc được. Hãy mở bằng Word và lưu lại dạng .docx.`
            );
        }
    }
    if (lower.endsWith('.pdf')) return importText(pdfText(file));
    return importText(await readSource(file, io));
}

/** What a Word file may unpack to: a small file can hold a huge document.xml (a "zip bomb"). */
export const MAX_UNPACKED_BYTES = 200 * 1024 * 1024;

/** Unpacks each part of a .docx to count its bytes, and stops at the limit before mammoth reads it whole. */
async function checkUnpackedSize(file: string, bytes: Buffer): Promise<void> {
    const { default: JSZip } = await import('jszip');
    let zip;
    try {
        zip = await JSZip.loadAsync(bytes);
    } catch {
        throw new InputError(
            `Tệp ${file} không phải tệp Word (.docx) đọc được. Hãy mở bằng Word và lưu lại dạng .docx.`
        );
    }
    let total = 0;
    for (const entry of Object.values(zip.files).filter(f => !f.dir)) {
        await new Promise<void>((resolve, reject) => {
            const stream = entry.nodeStream('nodebuffer');
            stream
                .on('data', (chunk: Buffer) => {
                    total += chunk.length;
                    if (total <= MAX_UNPACKED_BYTES) return;
                    stream.removeAllListeners('data');
                    stream.pause();
                    reject(
                        new InputError(
                            `Tệp ${file} giải nén ra hơn ${MAX_UNPACKED_BYTES / 1024 / 1024} MB: quá lớn để nhập ` +
                                '(có thể là tệp hỏng hoặc tệp độc hại). Hãy mở bằng Word, kiểm tra và lưu lại.'
                        )
                    );
                })
                .on('end', () => resolve())
                .on('error', reject);
        });
    }
}

async function readSource(file: string, io: Io): Promise<string> {
    let bytes: Buffer;
    try {
        const stat = await fs.stat(file);
        if (stat.size > MAX_FILE_BYTES)
            throw new InputError(`Tệp ${file} quá lớn (${(stat.size / 1024 / 1024).toFixed(1)} MB) để nhập.`);
        bytes = await fs.readFile(file);
    } catch (e) {
        if (e instanceof InputError) throw e;
        throw new InputError(`Không đọc được tệp ${file}: ${(e as Error).message}.`);
    }
    const kind = detectEncoding(bytes);
    if (kind === 'binary') throw new InputError(`Tệp ${file} là tệp nhị phân; hãy nhập tệp .docx hoặc văn bản .txt.`);
    if (kind === 'utf-16le' || kind === 'utf-16be') return new TextDecoder(kind).decode(bytes).replace(/^\uFEFF/, '');
    if (kind === 'utf-8') return new TextDecoder('utf-8').decode(bytes);
    const legacy = decodeLegacy(bytes);
    if (!legacy) {
        throw new InputError(
            `Tệp ${file} không dùng Unicode (UTF-8) và không nhận ra chắc chắn bảng mã cũ nào (TCVN3, VNI, ` +
                'Windows-1258): hãy chuyển sang Unicode trước (ví dụ bằng Unikey: Công cụ chuyển mã).'
        );
    }
    io.err(`${file}: đã chuyển mã từ ${ENCODING_NAMES[legacy.kind]} sang Unicode (NFC).\n`);
    return legacy.text;
}

async function sources(p: string): Promise<string[]> {
    let stat;
    try {
        stat = await fs.stat(p);
    } catch {
        throw new InputError(`Không tìm thấy tệp hoặc thư mục "${p}".`);
    }
    if (!stat.isDirectory()) return [p];
    return (await fs.readdir(p))
        .filter(f => /\.(docx|doc|odt|rtf|pdf|txt)$/i.test(f))
        .sort()
        .map(f => path.join(p, f));
}

/**
 * Adds the cited documents the registry lacks (by their number); returns how many were added, or why the registry
 * was left as it was (it exists but is not a text thidua reads: rewriting it would lose it).
 */
async function addToRegistry(dir: string, cited: string[]): Promise<number | string> {
    const file = path.join(dir, REGISTRY);
    let text = 'SỔ VĂN BẢN\n';
    const exists = await fs.stat(file).then(
        () => true,
        () => false
    );
    if (exists) {
        try {
            text = await readThiduaFile(file);
        } catch (e) {
            if (!(e instanceof ReadError)) throw e;
            return `Chưa thêm văn bản nào vào ${REGISTRY}: ${e.message}`;
        }
    }
    const have = new Set([...text.matchAll(/\[[^\]]*?\b([0-9]{0,5}[/-][^\s\]]+)/gu)].map(m => m[1]));
    const lines: string[] = [];
    for (const c of cited) {
        const number = /([0-9]{1,5}[/-][A-ZĐ][^\s\]]*)/u.exec(c)?.[1];
        if (!number || have.has(number)) continue;
        const info = parseCitation(c.slice(0, c.indexOf(number)), number, c.slice(c.indexOf(number) + number.length));
        // Only what the text states in full: a number alone would make an entry that later checks trust.
        if (!info.docNumber || !info.date || !info.issuer) continue;
        have.add(number);
        lines.push(`- [${c}]`);
    }
    if (!lines.length) return 0;
    text = text.replace(/\n*$/, '\n') + lines.join('\n') + '\n';
    await writeAtomically(file, text);
    return lines.length;
}

/**
 * thidua import: .docx or .txt → .thidua next to it or in --out; registry additions; formatted and checked. Returns the
 * exit code and the files written.
 */

export async function importPaths(
    paths: string[],
    outDir: string | undefined,
    io: Io
): Promise<{ code: number; written: string[] }> {
    const services = createThiduaCoreServices(EmptyFileSystem).Thidua;
    let code = 0;
    const written: string[] = [];
    for (const p of paths) {
        for (const file of await sources(p)) {
            const result = await importSource(file, io);
            const repaired = finishImport(result.text, services);
            const dir = outDir ?? path.dirname(file);
            const target = path.join(
                dir,
                path.basename(file).replace(/\.(docx|doc|odt|rtf|pdf|txt)$/i, '') + '.thidua'
            );
            if (
                await fs.stat(target).then(
                    () => true,
                    () => false
                )
            ) {
                io.err(`Đã có tệp ${target}: không ghi đè. Hãy xóa hoặc đổi tên tệp cũ, hoặc chọn --out khác.\n`);
                code = 2;
                continue;
            }
            try {
                await writeAtomically(target, repaired.text);
                const registry = await addToRegistry(dir, result.cited);
                if (typeof registry === 'string') io.err(registry + '\n');
                const added = typeof registry === 'number' ? registry : 0;
                const s = result.stats;
                const notes = [
                    s.tables ? `${s.tables} bảng` : '',
                    s.chrome ? `${s.chrome} dòng của trang web giữ lại dưới dạng ghi chú (//)` : '',
                    repaired.demoted
                        ? `${repaired.demoted} dòng chưa rõ cấu trúc giữ nguyên là đoạn văn (đánh dấu "\\" ở đầu dòng)`
                        : ''
                ].filter(Boolean);
                io.out(
                    `Đã nhập: ${target} — ${s.indicators} chỉ tiêu, ${s.citations} trích dẫn, ${s.dates} mốc thời gian; ${s.proseLines} dòng giữ nguyên là văn xuôi` +
                        `${notes.length ? `; ${notes.join('; ')}` : ''}${added ? `; thêm ${added} văn bản vào ${REGISTRY}` : ''}.\n`
                );
                written.push(target);
            } catch (e) {
                if (!(e instanceof WriteError)) throw e;
                io.err(e.message + '\n');
                code = 2;
            }
        }
    }
    if (written.length) {
        const checked = await checkPaths(written);
        for (const f of checked) {
            const errors = f.diagnostics.filter(d => d.severity === 1).length;
            io.out(
                `Kiểm tra ${f.file}: ${errors} lỗi, ${f.diagnostics.length - errors} cảnh báo và ghi chú (xem "thidua check").\n`
            );
        }
    }
    return { code, written };
}
