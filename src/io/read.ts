import { promises as fs, readFileSync, statSync } from 'node:fs';
import type { URI } from 'langium';
import { NodeFileSystemProvider } from 'langium/node';
import { decodeText, detectEncoding, ENCODING_NAMES } from '../domain/encoding.js';

/** The largest file thidua reads: a plan runs to thousands of lines, far below this; memory stays bounded. */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;

/** A file that is not a .thidua text (missing, too large, binary, a legacy encoding), said in Vietnamese. */
export class ReadError extends Error {}

/** Why a file or folder could not be read, in Vietnamese ("không tồn tại", "không có quyền đọc" …). */
export function readReason(e: unknown): string {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return 'không tồn tại';
    if (code === 'EACCES' || code === 'EPERM') return 'không có quyền đọc';
    if (code === 'EISDIR') return 'đây là thư mục';
    return (e as Error).message;
}

function readFailure(file: string, e: unknown): ReadError {
    return e instanceof ReadError ? e : new ReadError(`Không đọc được tệp ${file}: ${readReason(e)}.`);
}

function tooLarge(file: string, size: number): ReadError {
    return new ReadError(
        `Tệp ${file} quá lớn (${(size / 1024 / 1024).toFixed(1)} MB); thidua đọc tệp đến ${MAX_FILE_BYTES / 1024 / 1024} MB. Một văn bản thi đua chỉ vài chục KB: hãy kiểm tra lại tệp hoặc tách thành nhiều văn bản.`
    );
}

/** The text of a .thidua file's bytes (UTF-8 with or without its BOM, UTF-16 with a BOM), or why it is not one. */
function textOf(file: string, bytes: Uint8Array): string {
    const decoded = decodeText(bytes);
    if ('text' in decoded) return decoded.text;
    if (decoded.kind === 'binary') {
        throw new ReadError(
            `Tệp ${file} là tệp nhị phân (ví dụ Word, PDF, ảnh), không phải văn bản .thidua. Văn bản .thidua là văn bản thuần mã UTF-8.`
        );
    }
    throw new ReadError(
        `Tệp ${file} không phải văn bản Unicode (UTF-8); có vẻ được gõ bằng bảng mã ${ENCODING_NAMES[decoded.kind]}. ` +
            'Hãy chuyển sang Unicode (ví dụ bằng công cụ chuyển mã của Unikey: chọn bảng mã nguồn, đích là Unicode) rồi lưu lại dạng UTF-8.'
    );
}

/** A file's bytes, refused as `readThiduaFile` refuses a file too large. */
async function readBytes(file: string): Promise<Uint8Array> {
    try {
        const stat = await fs.stat(file);
        if (stat.size > MAX_FILE_BYTES) throw tooLarge(file, stat.size);
        return await fs.readFile(file);
    } catch (e) {
        throw readFailure(file, e);
    }
}

/** Reads a .thidua file: the one reader of the CLI, the language server and the import. */
export async function readThiduaFile(file: string): Promise<string> {
    return textOf(file, await readBytes(file));
}

/** `readBytes`, synchronously. */
function readBytesSync(file: string): Uint8Array {
    try {
        const size = statSync(file).size;
        if (size > MAX_FILE_BYTES) throw tooLarge(file, size);
        return readFileSync(file);
    } catch (e) {
        throw readFailure(file, e);
    }
}

/** `readThiduaFile`, synchronously. */
export function readThiduaFileSync(file: string): string {
    return textOf(file, readBytesSync(file));
}

/** Langium's file system, reading .thidua files as thidua reads them everywhere. */
export class ThiduaFileSystemProvider extends NodeFileSystemProvider {
    override readBinary(uri: URI): Promise<Uint8Array> {
        return readBytes(uri.fsPath);
    }

    /** The text of a file's bytes read by `readBinary`, as `readFile` would give it. */
    textOf(uri: URI, bytes: Uint8Array): string {
        return textOf(uri.fsPath, bytes);
    }

    /** Whether `textOf` these bytes is their UTF-8 decoding (no other encoding, nothing refused). */
    isUtf8(bytes: Uint8Array): boolean {
        return detectEncoding(bytes) === 'utf-8';
    }

    override readBinarySync(uri: URI): Uint8Array {
        return readBytesSync(uri.fsPath);
    }

    override readFile(uri: URI): Promise<string> {
        return readThiduaFile(uri.fsPath);
    }

    override readFileSync(uri: URI): string {
        return readThiduaFileSync(uri.fsPath);
    }
}

/** The file system module for `createThiduaServices` in Node (the CLI, the language server). */
export const ThiduaFileSystem = { fileSystemProvider: () => new ThiduaFileSystemProvider() };
