import { randomBytes } from 'node:crypto';
import { constants as fsConstants, promises as fs, rmSync } from 'node:fs';
import * as path from 'node:path';
import { WRITTEN_MARK } from '../domain/written-mark.js';

/** A document that cannot be written where asked: said in Vietnamese, nothing left behind. */
export class WriteError extends Error {}

function writeReason(e: NodeJS.ErrnoException, target: string): string {
    switch (e.code) {
        case 'EACCES':
        case 'EPERM':
        case 'EROFS':
            return `Không ghi được "${target}": thư mục chỉ đọc hoặc không có quyền ghi. Hãy chọn thư mục xuất khác.`;
        case 'EBUSY':
        case 'ETXTBSY':
        case 'EISDIR':
            return `Không ghi đè được "${target}": tệp đang được mở hoặc khóa bởi chương trình khác (ví dụ Word), hoặc trùng tên một thư mục. Hãy đóng tệp rồi xuất lại.`;
        case 'ENOSPC':
            return `Không ghi được "${target}": ổ đĩa đã đầy.`;
        case 'ENOTDIR':
        case 'EEXIST':
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
    for (const [signal, code] of [
        ['SIGINT', 130],
        ['SIGTERM', 143]
    ] as const) {
        process.once(signal, () => {
            stopping = true;
            const started = Date.now();
            const finish = () => {
                if (pending.size && Date.now() - started < 2000) {
                    setTimeout(finish, 10);
                    return;
                }
                for (const tmp of pending) rmSync(tmp, { force: true });
                process.exit(code);
            };
            finish();
        });
    }
}

/**
 * Who the file at `target` belongs to: nobody (it does not exist), thidua (a Word file or HTML page with thidua's
 * mark, or a text equal to what would be written), someone else, or nobody may write it (read-only).
 */
export async function ownerOf(
    target: string,
    content: string | Uint8Array
): Promise<'none' | 'thidua' | 'other' | 'read-only'> {
    let bytes: Buffer;
    try {
        bytes = await fs.readFile(target);
    } catch (e) {
        // A folder of that name: the write says why it cannot replace it.
        return ['ENOENT', 'EISDIR'].includes((e as NodeJS.ErrnoException).code ?? '') ? 'none' : 'other';
    }
    // The file's own read-only mark counts even for a user who could write it anyway (an administrator).
    const writable =
        (await fs.stat(target)).mode & 0o222 &&
        (await fs.access(target, fsConstants.W_OK).then(
            () => true,
            () => false
        ));
    if (!writable) return 'read-only';
    if (Buffer.from(content).equals(bytes)) return 'thidua';
    if (target.toLowerCase().endsWith('.docx')) return (await docxMarked(bytes)) ? 'thidua' : 'other';
    if (target.toLowerCase().endsWith('.pdf')) return pdfMarked(bytes) ? 'thidua' : 'other';
    if (/\.html?$/i.test(target)) {
        const head = bytes.subarray(0, 4096).toString('utf8');
        return head.includes(`<meta name="generator" content="${WRITTEN_MARK}">`) ? 'thidua' : 'other';
    }
    return 'other';
}

/** A PDF made from thidua's Word file keeps its keywords (the XMP packet, or the info dictionary). */
function pdfMarked(bytes: Buffer): boolean {
    const utf16 = [...WRITTEN_MARK].map(c => c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')).join('');
    return [`Keywords>${WRITTEN_MARK}<`, `/Keywords(${WRITTEN_MARK})`, `/Keywords<FEFF${utf16}>`].some(m =>
        bytes.includes(m)
    );
}

async function docxMarked(bytes: Buffer): Promise<boolean> {
    try {
        const { default: JSZip } = await import('jszip');
        const zip = await JSZip.loadAsync(bytes);
        const custom = await zip.file('docProps/custom.xml')?.async('string');
        return !!custom && new RegExp(`name="${WRITTEN_MARK}"`).test(custom);
    } catch {
        return false;
    }
}
