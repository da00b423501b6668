import path from 'node:path';
import type { Diagnostic } from 'vscode-languageserver';
import { exportPaths, type OutputFormat } from './export.js';
import { importPaths } from './import.js';
import { checkPaths, InputError, type CheckedFile } from './workspace.js';
import { webCommand } from './web.js';

export type { Io } from './export.js';
import type { Io } from './export.js';

const USAGE = `Cách dùng:
  thidua check <tệp|thư mục>... [--format text|json]   kiểm tra văn bản .thidua
  thidua export <tệp|thư mục>... [--format docx|pdf|html|txt] [--out THƯ_MỤC] [--bang-chi-tieu] [--force]
                                                        xuất văn bản (mặc định: Word .docx cạnh tệp nguồn);
                                                        --force: ghi đè cả tệp đã có mà thidua không viết
  thidua import <tệp .docx|.txt|thư mục>... [--out THƯ_MỤC]
                                                        nhập văn bản Word hoặc văn bản thuần thành .thidua
  thidua web [--port SỐ]                                mở trang soạn thảo trên trình duyệt của máy này
                                                        (mặc định cổng 8417)

Mã thoát: 0 không có lỗi; 1 có lỗi trong văn bản; 2 dùng sai lệnh hoặc không đọc được tệp.`;

const SEVERITY: Record<number, string> = { 1: 'error', 2: 'warning', 3: 'info', 4: 'hint' };

/** The rule of a diagnostic: kept in `data.code` (editors show `code` to the drafter, so it is left empty). */
function codeOf(d: Diagnostic): string {
    const data = d.data as { code?: string } | undefined;
    return String(data?.code ?? d.code ?? 'thidua');
}

function sorted(diags: Diagnostic[]): Diagnostic[] {
    return [...diags].sort(
        (a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character
    );
}

export function formatText(files: CheckedFile[]): string {
    const lines: string[] = [];
    for (const f of files) {
        for (const d of sorted(f.diagnostics)) {
            lines.push(
                `${f.file}:${d.range.start.line + 1}:${d.range.start.character + 1}: ${SEVERITY[d.severity ?? 1]} [${codeOf(d)}] ${d.message}`
            );
        }
    }
    return lines.length ? lines.join('\n') + '\n' : '';
}

export function formatJson(files: CheckedFile[]): string {
    const rows = files.flatMap(f =>
        sorted(f.diagnostics).map(d => ({
            file: f.file,
            line: d.range.start.line + 1,
            column: d.range.start.character + 1,
            endLine: d.range.end.line + 1,
            endColumn: d.range.end.character + 1,
            severity: SEVERITY[d.severity ?? 1],
            code: codeOf(d),
            message: d.message
        }))
    );
    return JSON.stringify(rows, null, 2) + '\n';
}

/** The built page: dist/web beside the CLI's bundle (bin/thidua.cjs runs dist/cli.cjs), or THIDUA_WEB_DIR. */
function webFolder(): string {
    return process.env.THIDUA_WEB_DIR ?? path.join(path.dirname(process.argv[1] ?? '.'), '..', 'dist', 'web');
}

/** Runs the CLI and returns its exit code. */
export async function run(argv: string[], io: Io): Promise<number> {
    const [command, ...rest] = argv;
    if (!command || command === '--help' || command === '-h' || command === 'help') {
        (command ? io.out : io.err)(USAGE + '\n');
        return command ? 0 : 2;
    }
    if (command === 'import') {
        const rest2 = [...rest];
        let outDir: string | undefined;
        const i = rest2.indexOf('--out');
        if (i >= 0) {
            outDir = rest2[i + 1];
            rest2.splice(i, 2);
        }
        const bad = rest2.find(a => a.startsWith('-'));
        if (bad || rest2.length === 0 || outDir === '') {
            io.err(`${bad ? `Tùy chọn không có: "${bad}".` : 'Hãy cho biết tệp hoặc thư mục cần nhập.'}\n${USAGE}\n`);
            return 2;
        }
        try {
            return (await importPaths(rest2, outDir, io)).code;
        } catch (e) {
            if (e instanceof InputError) {
                io.err(e.message + '\n');
                return 2;
            }
            throw e;
        }
    }
    if (command === 'web') {
        const port = rest[0] === '--port' && rest.length === 2 ? Number(rest[1]) : rest.length ? NaN : 8417;
        if (!Number.isInteger(port) || port < 0 || port > 65535) {
            io.err(`Hãy viết "thidua web" hoặc "thidua web --port 8417".\n${USAGE}\n`);
            return 2;
        }
        return webCommand(webFolder(), port, io);
    }
    if (command !== 'check' && command !== 'export') {
        io.err(`Lệnh không có: "${command}".\n${USAGE}\n`);
        return 2;
    }
    let format = command === 'check' ? 'text' : 'docx';
    let out: string | undefined;
    let indicatorTable = false,
        force = false;
    const paths: string[] = [];
    for (let i = 0; i < rest.length; i++) {
        const a = rest[i];
        if (a === '--format') format = rest[++i] ?? '';
        else if (a.startsWith('--format=')) format = a.slice('--format='.length);
        else if (command === 'export' && a === '--out') out = rest[++i];
        else if (command === 'export' && a.startsWith('--out=')) out = a.slice('--out='.length);
        else if (command === 'export' && a === '--bang-chi-tieu') indicatorTable = true;
        else if (command === 'export' && a === '--force') force = true;
        else if (a.startsWith('-')) {
            io.err(`Tùy chọn không có: "${a}".\n${USAGE}\n`);
            return 2;
        } else paths.push(a);
    }
    if (command === 'export') {
        if (!['docx', 'pdf', 'html', 'txt'].includes(format)) {
            io.err(`Định dạng "${format}" không có; hãy dùng --format docx, pdf, html hoặc txt.\n`);
            return 2;
        }
        if (paths.length === 0 || (out !== undefined && out === '')) {
            io.err(`Hãy cho biết tệp hoặc thư mục cần xuất.\n${USAGE}\n`);
            return 2;
        }
        try {
            return await exportPaths(paths, format as OutputFormat, out, io, { indicatorTable }, { force });
        } catch (e) {
            if (e instanceof InputError) {
                io.err(e.message + '\n');
                return 2;
            }
            throw e;
        }
    }
    if (format !== 'text' && format !== 'json') {
        io.err(`Định dạng "${format}" không có; hãy dùng --format text hoặc --format json.\n`);
        return 2;
    }
    if (paths.length === 0) {
        io.err(`Hãy cho biết tệp hoặc thư mục cần kiểm tra.\n${USAGE}\n`);
        return 2;
    }
    let files: CheckedFile[];
    try {
        files = await checkPaths(paths);
    } catch (e) {
        if (e instanceof InputError) {
            io.err(e.message + '\n');
            return 2;
        }
        throw e;
    }
    io.out(format === 'json' ? formatJson(files) : formatText(files));
    const errors = files.reduce((n, f) => n + f.diagnostics.filter(d => d.severity === 1).length, 0);
    if (format === 'text') {
        const all = files.reduce((n, f) => n + f.diagnostics.length, 0);
        io.err(`Đã kiểm tra ${files.length} tệp: ${errors} lỗi, ${all - errors} cảnh báo và ghi chú.\n`);
    }
    return errors > 0 ? 1 : 0;
}
