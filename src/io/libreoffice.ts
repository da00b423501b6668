import { spawn, spawnSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';

/** LibreOffice is missing or failed: said in Vietnamese, with how to get it. */
export class LibreOfficeError extends Error {}

export const INSTALL_LIBREOFFICE =
    'Hãy cài LibreOffice (miễn phí, libreoffice.org; trên Debian/Ubuntu: sudo apt install ' +
    'libreoffice-writer) rồi làm lại.';

let found: string | null | undefined;

/** The LibreOffice program on this machine (THIDUA_SOFFICE, else soffice or libreoffice on the PATH), or undefined. */
export function libreOffice(): string | undefined {
    if (found !== undefined) return found ?? undefined;
    const candidates = [process.env.THIDUA_SOFFICE, 'soffice', 'libreoffice'].filter((c): c is string => !!c);
    found =
        candidates.find(c => {
            const r = spawnSync(c, ['--version'], { encoding: 'utf8', timeout: 30_000 });
            return !r.error && r.status === 0 && /LibreOffice/i.test(r.stdout);
        }) ?? null;
    return found ?? undefined;
}

/** PDF/A-2b, fonts embedded (PDF/A requires it), tagged. */
const PDF_FILTER =
    'pdf:writer_pdf_Export:{"SelectPdfVersion":{"type":"long","value":"2"},"UseTaggedPDF":{"type":"boolean","value":"true"}}';

/**
 * Converts files with one LibreOffice run in a profile folder of its own (parallel runs do not collide): each
 * `name.ext` of `files` becomes `name.<to>` in `outDir`. Returns the converted files' paths, in order; a file
 * LibreOffice could not convert is missing from the result.
 */
export async function convertFiles(files: string[], to: 'pdf' | 'docx', outDir: string): Promise<Map<string, string>> {
    const program = libreOffice();
    if (!program) throw new LibreOfficeError(`Không tìm thấy LibreOffice trên máy này. ${INSTALL_LIBREOFFICE}`);
    const profile = await fs.mkdtemp(path.join(tmpdir(), 'thidua-lo-profile-'));
    try {
        const args = [
            `-env:UserInstallation=${pathToFileURL(profile).href}`,
            '--headless',
            '--norestore',
            '--nolockcheck',
            '--convert-to',
            to === 'pdf' ? PDF_FILTER : 'docx',
            '--outdir',
            outDir,
            ...files
        ];
        const code = await new Promise<number | null>((resolve, reject) => {
            const child = spawn(program, args, { stdio: 'ignore', env: { ...process.env, HOME: profile } });
            const timer = setTimeout(() => child.kill('SIGKILL'), 60_000 + files.length * 20_000);
            child.on('error', reject);
            child.on('exit', c => {
                clearTimeout(timer);
                resolve(c);
            });
        });
        const out = new Map<string, string>();
        for (const f of files) {
            const converted = path.join(outDir, path.basename(f, path.extname(f)) + '.' + to);
            if (
                await fs.stat(converted).then(
                    s => s.size > 0,
                    () => false
                )
            )
                out.set(f, converted);
        }
        if (code !== 0 && out.size === 0)
            throw new LibreOfficeError('LibreOffice không chuyển đổi được tệp (mã thoát ' + code + ').');
        return out;
    } finally {
        await fs.rm(profile, { recursive: true, force: true });
    }
}
