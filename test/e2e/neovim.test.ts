import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const hasNvim = spawnSync('nvim', ['--version']).status === 0;
// Under CI a missing Neovim is a failure, not a skip (.ci/run installs it).
const run = hasNvim || process.env.CI === 'true' ? test : test.skip;

interface Diag {
    range: { start: { line: number } };
    message: string;
    code?: string;
    source?: string;
    data?: { code?: string };
}
/** The rule travels in `data.code`: `code` stays empty, as editors show it to the drafter. */
const codeOf = (d: Diag) => d.data?.code;

describe('the standalone language server, driven by headless Neovim over stdio', () => {
    run('diagnostics, edit, new diagnostics, hover, completion and definition', () => {
        expect(hasNvim, 'nvim is not installed (apt-get install neovim)').toBe(true);
        const dir = mkdtempSync(join(tmpdir(), 'thidua-nvim-'));
        cpSync(join(ROOT, 'examples'), dir, { recursive: true });
        const out = join(dir, 'result.json');
        const r = spawnSync('nvim', ['--headless', '--clean', '-u', join(ROOT, 'test', 'e2e', 'neovim-client.lua')], {
            cwd: dir,
            timeout: 120_000,
            encoding: 'utf8',
            env: {
                ...process.env,
                THIDUA_OUT: out,
                THIDUA_ROOT: dir,
                THIDUA_FILE: join(dir, '003-chi-thi-huong-tra-2024.thidua'),
                THIDUA_NODE: process.execPath,
                THIDUA_SERVER: join(ROOT, 'bin', 'thidua-language-server.cjs')
            }
        });
        expect(existsSync(out), `nvim wrote no result: ${r.stderr}`).toBe(true);
        const res = JSON.parse(readFileSync(out, 'utf8')) as {
            error?: string;
            first_ok: boolean;
            second_ok: boolean;
            first: Diag[];
            second: Diag[];
            hover: { contents: { value: string } };
            completion: { items: { label: string }[] } | { label: string }[];
            definition: { targetUri?: string; uri?: string }[];
        };
        expect(res.error).toBeUndefined();
        expect(res.first_ok).toBe(true);
        expect(res.first.map(codeOf)).toContain('sai-chinh-ta');
        expect(res.first.every(d => d.code === undefined && d.source === 'Thi đua')).toBe(true);
        expect(res.first.find(d => codeOf(d) === 'sai-chinh-ta')!.message).toMatch(
            /^"chỉ trì" viết sai chính tả; viết đúng là "chủ trì"\./
        );
        expect(res.second_ok).toBe(true);
        expect(res.second.filter(d => d.range.start.line === 12).map(codeOf)).toContain('sai-chinh-ta');
        expect(res.hover.contents.value).toContain('**Chỉ thị số 34-CT/TW**');
        expect(res.hover.contents.value).toContain('Cơ quan ban hành: Bộ Chính trị');
        const items = Array.isArray(res.completion) ? res.completion : res.completion.items;
        expect(items.map(i => i.label)).toContain('chỉ tiêu');
        expect(res.definition[0].targetUri ?? res.definition[0].uri).toMatch(/so-van-ban\.thidua$/);
    });
});
