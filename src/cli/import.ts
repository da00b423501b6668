import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { EmptyFileSystem } from 'langium';
import { parseCitation } from '../domain/citation.js';
import { detectEncoding, ENCODING_NAMES } from '../domain/encoding.js';
import { importText } from '../import/import.js';
import { decodeTcvn3, decodeVni } from '../import/legacy.js';
import { formatThidua } from '../language/lsp/thidua-formatter.js';
import { createThiduaCoreServices } from '../language/thidua-module.js';
import { writeAtomically, WriteError, type Io } from './export.js';
import { checkPaths, InputError, MAX_FILE_BYTES } from './workspace.js';

const REGISTRY = 'so-van-ban.thidua';

async function readSource(file: string, io: Io): Promise<string> {
    let bytes: Buffer;
    try {
        const stat = await fs.stat(file);
        if (stat.size > MAX_FILE_BYTES) throw new InputError(`Tệp ${file} quá lớn (${(stat.size / 1024 / 1024).toFixed(1)} MB) để nhập.`);
        bytes = await fs.readFile(file);
    } catch (e) {
        if (e instanceof InputError) throw e;
        throw new InputError(`Không đọc được tệp ${file}: ${(e as Error).message}.`);
    }
    if (file.toLowerCase().endsWith('.docx')) {
        try {
            // Loaded when a Word file is read: the other commands start without it.
            const { default: mammoth } = await import('mammoth');
            return (await mammoth.extractRawText({ buffer: bytes })).value;
        } catch {
            throw new InputError(`Tệp ${file} không phải tệp Word (.docx) đọc được. Hãy mở bằng Word và lưu lại dạng .docx.`);
        }
    }
    const kind = detectEncoding(bytes);
    if (kind === 'binary') throw new InputError(`Tệp ${file} là tệp nhị phân; hãy nhập tệp .docx hoặc văn bản .txt.`);
    if (kind === 'tcvn3' || kind === 'vni') {
        io.err(`${file}: đã chuyển mã từ ${ENCODING_NAMES[kind]} sang Unicode (NFC).\n`);
        return kind === 'tcvn3' ? decodeTcvn3(bytes) : decodeVni(bytes);
    }
    if (kind !== 'utf-8') throw new InputError(`Tệp ${file} dùng bảng mã ${ENCODING_NAMES[kind]}, chưa chuyển tự động được; hãy chuyển sang Unicode (UTF-8) trước.`);
    return new TextDecoder('utf-8').decode(bytes);
}

async function sources(p: string): Promise<string[]> {
    let stat;
    try { stat = await fs.stat(p); } catch { throw new InputError(`Không tìm thấy tệp hoặc thư mục "${p}".`); }
    if (!stat.isDirectory()) return [p];
    return (await fs.readdir(p)).filter(f => /\.(docx|txt)$/i.test(f)).sort().map(f => path.join(p, f));
}

/** Adds the cited documents the registry lacks (by their number); returns how many were added. */
async function addToRegistry(dir: string, cited: string[]): Promise<number> {
    const file = path.join(dir, REGISTRY);
    let text = await fs.readFile(file, 'utf8').catch(() => 'SỔ VĂN BẢN\n');
    const have = new Set([...text.matchAll(/\[[^\]]*?\b([0-9]{0,5}[/-][^\s\]]+)/gu)].map(m => m[1]));
    const lines: string[] = [];
    for (const c of cited) {
        const number = /([0-9]{1,5}[/-][A-ZĐ][^\s\]]*)/u.exec(c)?.[1];
        if (!number || have.has(number)) continue;
        const info = parseCitation(c.slice(0, c.indexOf(number)), number, c.slice(c.indexOf(number) + number.length));
        if (!info.docNumber) continue;
        have.add(number);
        lines.push(`- [${c}]`);
    }
    if (!lines.length) return 0;
    text = text.replace(/\n*$/, '\n') + lines.join('\n') + '\n';
    await writeAtomically(file, text);
    return lines.length;
}

/** thidua import: .docx or .txt → .thidua next to it or in --out; registry additions; formatted and checked. Returns the exit code and the files written. */
export async function importPaths(paths: string[], outDir: string | undefined, io: Io): Promise<{ code: number; written: string[] }> {
    const lexer = createThiduaCoreServices(EmptyFileSystem).Thidua.parser.Lexer;
    let code = 0;
    const written: string[] = [];
    for (const p of paths) {
        for (const file of await sources(p)) {
            const text = await readSource(file, io);
            const result = importText(text);
            const dir = outDir ?? path.dirname(file);
            const target = path.join(dir, path.basename(file).replace(/\.(docx|txt)$/i, '') + '.thidua');
            if (await fs.stat(target).then(() => true, () => false)) {
                io.err(`Đã có tệp ${target}: không ghi đè. Hãy xóa hoặc đổi tên tệp cũ, hoặc chọn --out khác.\n`);
                code = 2;
                continue;
            }
            try {
                await writeAtomically(target, formatThidua(result.text, lexer));
                const added = await addToRegistry(dir, result.cited);
                const s = result.stats;
                io.out(`Đã nhập: ${target} — ${s.indicators} chỉ tiêu, ${s.citations} trích dẫn, ${s.dates} mốc thời gian; ${s.proseLines} dòng giữ nguyên là văn xuôi${added ? `; thêm ${added} văn bản vào ${REGISTRY}` : ''}.\n`);
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
            io.out(`Kiểm tra ${f.file}: ${errors} lỗi, ${f.diagnostics.length - errors} cảnh báo và ghi chú (xem "thidua check").\n`);
        }
    }
    return { code, written };
}
