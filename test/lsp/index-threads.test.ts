// At start-up, worker threads running the server's own file build part of a large folder and give back what each
// file gives the index; the server must then answer exactly as one that built every file itself.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { AstUtils, URI, type LangiumDocument } from 'langium';
import { ThiduaFileSystem } from '../../src/io/read.js';
import { createThiduaServices } from '../../src/language/thidua-module.js';
import type { ThiduaWorkspaceManager } from '../../src/language/workspace/thidua-workspace-manager.js';
import { describe, expect, test } from 'vitest';
import { isLoaded } from '../../src/language/workspace/thidua-document-factory.js';
import type { ThiduaDocumentBuilder } from '../../src/language/workspace/thidua-document-builder.js';
import { runnerCall, ThreadIndexWorkers } from '../../src/server/index-threads.js';
import { fingerprintOf } from '../../src/server/index-store.js';
import type { SavedDocument } from '../../src/language/workspace/saved-index.js';
import { digestsOf, indexAsText, plansFolder, startCounting, store } from './lsp-helpers.js';

const SERVER = join(import.meta.dirname, '..', '..', 'dist', 'server.cjs');

type Services = Awaited<ReturnType<typeof startCounting>>;

/** What each file's references looked up and could not find, as the builder keeps them to relink after edits. */
function lookups(s: Services, dir: string) {
    const builder = s.shared.workspace.DocumentBuilder as ThiduaDocumentBuilder;
    return readdirSync(dir)
        .filter(f => f.endsWith('.thidua'))
        .sort()
        .map(f => [f, builder.namesOf(s.doc(f) as LangiumDocument)]);
}

function sameAsBuiltHere(threaded: Services, plain: Services, dir: string) {
    expect(indexAsText(threaded.shared, dir)).toEqual(indexAsText(plain.shared, dir));
    expect(indexAsText(threaded.shared, dir).references.length).toBeGreaterThan(60);
    expect(digestsOf(threaded, dir)).toEqual(digestsOf(plain, dir));
    expect(lookups(threaded, dir)).toEqual(lookups(plain, dir));
}

describe('files built by other threads at start-up', () => {
    test('give the index, digests and lookups of a start-up that built them all, and are saved for the next', async () => {
        const dir = plansFolder('thidua-threads-', 60);
        const files = readdirSync(dir).length;
        const { store: saved } = store();
        const threaded = await startCounting(dir, {
            indexStore: saved,
            indexWorkers: new ThreadIndexWorkers(SERVER, 2, 10)
        });
        const plain = await startCounting(dir, {});
        sameAsBuiltHere(threaded, plain, dir);
        // The threads built a share of the files: they were not parsed here.
        expect(threaded.parsed.length).toBeLessThan(files - 10);
        expect(plain.parsed.length).toBeGreaterThanOrEqual(files);
        const fromThread = readdirSync(dir).find(f => !threaded.parsed.includes(f))!;
        expect(isLoaded(threaded.doc(fromThread))).toBe(false);
        // Its tree is parsed from the file when asked for.
        expect(threaded.doc(fromThread).parseResult.value.$type).toBe('Document');

        // Their entries carry their files' fingerprints: the next session takes every file back.
        await saved.saved();
        const second = await startCounting(dir, { indexStore: saved });
        expect(second.parsed).toEqual([]);
        sameAsBuiltHere(second, plain, dir);

        // Citations threads could not resolve are linked when the registry gains them.
        for (let i = 0; i < 30; i++)
            writeFileSync(join(dir, `zz-${i}.thidua`), readFileSync(join(dir, 'chua-co.thidua')));
        const third = await startCounting(dir, { indexWorkers: new ThreadIndexWorkers(SERVER, 2, 10) });
        const unresolved = readdirSync(dir).filter(f => f.startsWith('zz-'));
        expect(unresolved.filter(f => !third.parsed.includes(f)).length).toBeGreaterThan(0);
        const registry = join(dir, 'so-van-ban.thidua');
        writeFileSync(
            registry,
            readFileSync(registry, 'utf8') + '- [Chỉ thị số 99/CT-XYZ ngày 01/01/2024 của UBND tỉnh] về thi đua\n'
        );
        await third.shared.workspace.DocumentBuilder.update([URI.file(registry)], []);
        const linked = indexAsText(third.shared, dir).references.filter(r => r.includes('→ so-van-ban.thidua'));
        for (const f of ['chua-co.thidua', ...unresolved])
            expect(
                linked.filter(r => r.startsWith(`${f} `)),
                f
            ).toHaveLength(1);
    });

    test('a server loaded with its code cache loads its threads the same way, and they build the same', async () => {
        const dir = plansFolder('thidua-threads-cache-', 60);
        // The runner the code cache's loader leaves for the bundle, wrapped to see it used.
        const mark = join(mkdtempSync(join(tmpdir(), 'thidua-runner-')), 'used');
        const runner = join(dirname(mark), 'runner.cjs');
        const real = join(import.meta.dirname, '..', '..', 'bin', 'code-cache.cjs');
        writeFileSync(
            runner,
            `module.exports = f => { require('node:fs').appendFileSync(${JSON.stringify(mark)}, f + '\\n'); ` +
                `require(${JSON.stringify(real)})(f); };`
        );
        const key = Symbol.for('thidua.codeCacheRunner');
        (globalThis as Record<symbol, unknown>)[key] = runner;
        try {
            const threaded = await startCounting(dir, { indexWorkers: new ThreadIndexWorkers(SERVER, 2, 10) });
            expect(readFileSync(mark, 'utf8').trim().split('\n')).toEqual([SERVER, SERVER]);
            expect(threaded.parsed.length).toBeLessThan(readdirSync(dir).length - 10);
            sameAsBuiltHere(threaded, await startCounting(dir, {}), dir);
        } finally {
            delete (globalThis as Record<symbol, unknown>)[key];
        }
    });

    test('the code that loads a thread through the runner works in a server started as a script or a module', () => {
        const dir = mkdtempSync(join(tmpdir(), 'thidua-runner-'));
        const runner = join(dir, 'runner.cjs');
        writeFileSync(runner, `module.exports = f => require('node:fs').writeFileSync(f, 'nạp');`);
        const main = (mark: string) =>
            `import('node:worker_threads').then(({ Worker }) => ` +
            `new Worker(${JSON.stringify(runnerCall(runner, mark))}, { eval: true }))`;
        for (const args of [[], ['--input-type=module']]) {
            const mark = join(dir, `mark-${args.length}`);
            const run = spawnSync(process.execPath, [...args, '-e', main(mark)], { encoding: 'utf8' });
            expect(run.stderr).toBe('');
            expect(readFileSync(mark, 'utf8')).toBe('nạp');
        }
    });

    test('a thread fingerprints the bytes it builds only when the index is saved', async () => {
        const dir = plansFolder('thidua-threads-prints-', 12);
        const uris = readdirSync(dir).map(f => URI.file(join(dir, f)).toString());
        for (const fingerprints of [true, false]) {
            const given = [uris];
            const entries: [string, SavedDocument][] = [];
            await new ThreadIndexWorkers(SERVER, 1, 1).run(
                1,
                [],
                () => given.pop(),
                e => entries.push(...e),
                fingerprints
            );
            expect(entries.length).toBeGreaterThan(5);
            for (const [uri, entry] of entries)
                expect(entry.fingerprint).toBe(fingerprints ? fingerprintOf(readFileSync(URI.parse(uri).fsPath)) : '');
        }
    });

    test('threads start while the folder is read (before the server builds its first files), and those build it', async () => {
        const dir = plansFolder('thidua-threads-', 60);
        const plain = await startCounting(dir, {});
        const spawned: string[] = [];
        let running = false;
        class Watched extends ThreadIndexWorkers {
            protected override spawn() {
                spawned.push(running ? 'in run' : 'ahead');
                return super.spawn();
            }
            override run(...args: Parameters<ThreadIndexWorkers['run']>) {
                running = true;
                return super.run(...args);
            }
        }
        const threaded = await startCounting(dir, { indexWorkers: new Watched(SERVER, 2, 10) });
        expect(spawned).toEqual(['ahead', 'ahead']);
        sameAsBuiltHere(threaded, plain, dir);
        expect(threaded.parsed.length).toBeLessThan(readdirSync(dir).length - 10);
    });

    test('a thread that cannot start, or stops with files it took, loses none of them', async () => {
        const dir = plansFolder('thidua-threads-', 40);
        const plain = await startCounting(dir, {});
        const scripts = mkdtempSync(join(tmpdir(), 'thidua-thread-'));
        const broken = join(scripts, 'broken.cjs');
        writeFileSync(broken, 'throw new Error("hỏng");\n');
        const quitting = join(scripts, 'quitting.cjs');
        writeFileSync(
            quitting,
            'require("node:worker_threads").parentPort.on("message", m => { if (m.files) process.exit(3); });\n'
        );
        for (const file of [broken, quitting, join(scripts, 'missing.cjs')]) {
            const s = await startCounting(dir, { indexWorkers: new ThreadIndexWorkers(file, 2, 10) });
            sameAsBuiltHere(s, plain, dir);
            expect(s.parsed.length).toBeGreaterThanOrEqual(readdirSync(dir).length);
        }
    });

    test('a thread builds a short plan before it is given files, and keeps nothing of it', async () => {
        const { shared } = createThiduaServices({ ...ThiduaFileSystem });
        const built: LangiumDocument[] = [];
        const builder = shared.workspace.DocumentBuilder;
        const build = builder.build.bind(builder);
        builder.build = (documents, ...rest) => (built.push(...documents), build(documents, ...rest));
        await (shared.workspace.WorkspaceManager as ThiduaWorkspaceManager).warmUp();
        expect(built).toHaveLength(1);
        const [document] = built;
        // Every kind of line it holds is read without a syntax error: the parser and the lexer's modes are made.
        expect(document.parseResult.lexerErrors).toEqual([]);
        expect(document.parseResult.parserErrors).toEqual([]);
        const types = new Set(AstUtils.streamAst(document.parseResult.value).map(n => n.$type));
        for (const type of ['Section', 'Khoan', 'Citation', 'Value', 'Table', 'NoiNhan', 'Signature'])
            expect(types, type).toContain(type);
        // Nothing of it is left in the thread's folder or index.
        expect(shared.workspace.LangiumDocuments.all.map(d => d.uri.toString()).toArray()).toEqual([]);
        expect(
            shared.workspace.IndexManager.allElements()
                .map(d => d.name)
                .toArray()
        ).toEqual([]);
    });

    test('a warm-up that fails leaves nothing behind either', async () => {
        const { shared } = createThiduaServices({ ...ThiduaFileSystem });
        shared.workspace.DocumentBuilder.build = () => Promise.reject(new Error('hỏng'));
        await expect((shared.workspace.WorkspaceManager as ThiduaWorkspaceManager).warmUp()).rejects.toThrow('hỏng');
        expect(shared.workspace.LangiumDocuments.all.map(d => d.uri.toString()).toArray()).toEqual([]);
    });

    test('how many threads: none for a small folder or when THIDUA_INDEX_THREADS is 0, at most 7', () => {
        expect(new ThreadIndexWorkers(SERVER, 3).count(299)).toBe(0);
        expect(new ThreadIndexWorkers(SERVER, 3).count(650)).toBe(2);
        expect(new ThreadIndexWorkers(SERVER, 3).count(5000)).toBe(3);
        expect(new ThreadIndexWorkers(SERVER, 0).count(5000)).toBe(0);
        expect(new ThreadIndexWorkers(SERVER, 64).count(50_000)).toBe(7);
        expect(new ThreadIndexWorkers(SERVER, Number('x')).count(5000)).toBe(0);
    });
});

// The editor's open file is built by the server itself, first, even when a thread could have taken it.
test('a file open in the editor is built here', async () => {
    const dir = plansFolder('thidua-threads-', 40);
    const s = await startCounting(dir, { indexWorkers: new ThreadIndexWorkers(SERVER, 2, 5), open: 'them-033.thidua' });
    expect(s.parsed).toContain('them-033.thidua');
    expect(isLoaded(s.doc('them-033.thidua'))).toBe(true);
    expect(s.doc('them-033.thidua').diagnostics).toBeDefined();
});
