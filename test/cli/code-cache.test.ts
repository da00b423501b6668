import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { describe, expect, test } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const require = createRequire(import.meta.url);

/** A copy of the CLI (bin + bundle) in a folder of its own, with the given cache bytes. */
function cliCopy(cache?: Buffer): string {
    const dir = mkdtempSync(join(tmpdir(), 'thidua-cache-'));
    spawnSync('mkdir', ['-p', join(dir, 'bin'), join(dir, 'dist')]);
    for (const f of ['bin/thidua.cjs', 'bin/code-cache.cjs', 'dist/cli.cjs']) copyFileSync(join(ROOT, f), join(dir, f));
    if (cache) writeFileSync(join(dir, 'dist', 'cli.cjs.cache'), cache);
    return dir;
}

const exportSeed = (dir: string) =>
    spawnSync(
        process.execPath,
        [
            join(dir, 'bin', 'thidua.cjs'),
            'export',
            join(ROOT, 'examples', '004-tin-bai-cho-don-2022.thidua'),
            '--out',
            join(dir, 'out'),
            '--format',
            'txt'
        ],
        { encoding: 'utf8' }
    );
const hashOf = (file: string) => createHash('sha256').update(readFileSync(file, 'utf8')).digest();

describe('the code cache of the CLI and the server (bin/code-cache.cjs)', () => {
    test('the build writes the cache of each bundle it built (CLI and language server)', () => {
        for (const bundle of ['cli.cjs', 'server.cjs']) {
            const cache = readFileSync(join(ROOT, 'dist', `${bundle}.cache`));
            expect(cache.subarray(0, 32).equals(hashOf(join(ROOT, 'dist', bundle)))).toBe(true);
            expect(cache.length).toBeGreaterThan(100_000);
        }
    });

    test('V8 accepts each cache under the flags its launcher sets before loading the bundle', () => {
        // The server's bundle sets a flag of its own as it loads; a cache written at the end of a session holds it.
        const accepted = (bundle: string, flags: string[]) =>
            spawnSync(
                process.execPath,
                [
                    '-e',
                    `for (const f of ${JSON.stringify(flags)}) require('node:v8').setFlagsFromString(f);
                    const fs = require('node:fs'), vm = require('node:vm'), Module = require('node:module');
                    const file = ${JSON.stringify(join(ROOT, 'dist', bundle))};
                    const script = new vm.Script(Module.wrap(fs.readFileSync(file, 'utf8')), {
                        filename: file, cachedData: fs.readFileSync(file + '.cache').subarray(32) });
                    process.stdout.write(String(!script.cachedDataRejected));`
                ],
                { encoding: 'utf8' }
            ).stdout;
        const serverFlags = require(join(ROOT, 'bin', 'server-flags.cjs')) as string[];
        expect(readFileSync(join(ROOT, 'bin', 'thidua-language-server.cjs'), 'utf8')).toContain(
            "require('./server-flags.cjs')"
        );
        expect(accepted('server.cjs', serverFlags)).toBe('true');
        expect(accepted('server.cjs', ['--expose-gc'])).toBe('false');
        expect(accepted('cli.cjs', [])).toBe('true');
    });

    test('a missing cache, one of another build or a damaged one only costs the compile: the command works', () => {
        const outputs = [
            undefined,
            Buffer.concat([Buffer.alloc(32, 7), Buffer.alloc(1000, 1)]),
            Buffer.concat([hashOf(join(ROOT, 'dist', 'cli.cjs')), Buffer.alloc(1000, 1)])
        ].map(cache => {
            const dir = cliCopy(cache);
            const r = exportSeed(dir);
            expect(r.stderr).toBe('');
            expect(r.status).toBe(0);
            return readFileSync(join(dir, 'out', '004-tin-bai-cho-don-2022.txt'), 'utf8');
        });
        expect(new Set(outputs).size).toBe(1);
        expect(outputs[0]).toContain('Chợ Đồn phát động thi đua');
    });

    test('THIDUA_WRITE_CODE_CACHE=1 writes a cache with the bundle hash, replaced whole', () => {
        const dir = cliCopy();
        const r = spawnSync(
            process.execPath,
            [join(dir, 'bin', 'thidua.cjs'), 'check', join(ROOT, 'examples', 'so-van-ban.thidua')],
            { env: { ...process.env, THIDUA_WRITE_CODE_CACHE: '1' } }
        );
        expect(r.status).toBe(0);
        const cache = readFileSync(join(dir, 'dist', 'cli.cjs.cache'));
        expect(cache.subarray(0, 32).equals(hashOf(join(dir, 'dist', 'cli.cjs')))).toBe(true);
    });
});

describe('what the CLI bundle holds', () => {
    test('the Word reader (mammoth) is not in the bundle: it is loaded from node_modules for `thidua import` only', () => {
        const bundle = readFileSync(join(ROOT, 'dist', 'cli.cjs'), 'utf8');
        expect(bundle).not.toContain('node_modules/mammoth/lib');
        expect(bundle).toContain('require("mammoth")');
        expect(bundle).not.toContain('import("mammoth")');
    });

    test('the editor services (hover, completion, … and the LSP libraries) are not in the CLI bundle', () => {
        const bundle = readFileSync(join(ROOT, 'dist', 'cli.cjs'), 'utf8');
        expect(bundle).not.toContain('// node_modules/vscode-languageserver/lib/node/main.js');
        expect(bundle).not.toContain('// src/language/lsp/thidua-hover-provider.ts');
        expect(readFileSync(join(ROOT, 'dist', 'server.cjs'), 'utf8')).toContain(
            '// src/language/lsp/thidua-hover-provider.ts'
        );
    });
});
