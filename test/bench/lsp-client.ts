import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
    CancellationTokenSource,
    createMessageConnection,
    StreamMessageReader,
    StreamMessageWriter
} from 'vscode-jsonrpc/node';

const ROOT = join(import.meta.dirname, '..', '..');

/** A real JSON-RPC client driving `thidua-language-server --stdio` (used by the benchmark and the load test). */
export interface Server {
    request<T>(method: string, params: unknown, cancel?: CancellationTokenSource): Promise<T>;
    notify(method: string, params: unknown): void;
    nextDiagnostics(uri: string): Promise<unknown[]>;
    firstDiagnostics: Promise<number>;
    pid: number;
    close(): Promise<void>;
    /** ms since the server was started */ elapsed(): number;
}

/** `entry`: another server bundle (the benchmark's server with Langium's services put back); `env`: its settings. */
export function startServer(
    folder: string,
    entry?: { file: string; env: Record<string, string> },
    env: Record<string, string> = {}
): Server {
    // THIDUA_SERVER_NODE_ARGS="--cpu-prof --cpu-prof-dir=out/prof" profiles the server.
    const nodeArgs = (process.env.THIDUA_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean);
    if (entry) nodeArgs.push('--expose-gc');
    const file = entry?.file ?? join(ROOT, 'bin', 'thidua-language-server.cjs');
    // THIDUA_SERVER_NODE: another Node for the server (the bench's own is the Node 22 npm scripts use; VS Code up
    // to 1.100 runs the server on Node 20).
    const proc = spawn(process.env.THIDUA_SERVER_NODE ?? process.execPath, [...nodeArgs, file, '--stdio'], {
        cwd: folder,
        stdio: ['pipe', 'pipe', 'inherit'],
        env: { ...process.env, ...entry?.env, ...env }
    });
    proc.stdin!.on('error', () => undefined);
    const conn = createMessageConnection(new StreamMessageReader(proc.stdout!), new StreamMessageWriter(proc.stdin!));
    conn.onError(() => undefined);
    const waiting = new Map<string, ((d: unknown[]) => void)[]>();
    const started = performance.now();
    let resolveFirst: (ms: number) => void;
    const firstDiagnostics = new Promise<number>(r => {
        resolveFirst = r;
    });
    conn.onNotification('textDocument/publishDiagnostics', (p: { uri: string; diagnostics: unknown[] }) => {
        resolveFirst(performance.now() - started);
        const list = waiting.get(p.uri) ?? [];
        waiting.delete(p.uri);
        list.forEach(f => f(p.diagnostics));
    });
    conn.listen();
    return {
        pid: proc.pid!,
        firstDiagnostics,
        elapsed: () => performance.now() - started,
        request: (m, p, cancel) => (cancel ? conn.sendRequest(m, p, cancel.token) : conn.sendRequest(m, p)),
        notify: (m, p) => {
            void conn.sendNotification(m, p);
        },
        nextDiagnostics: uri => new Promise(r => waiting.set(uri, [...(waiting.get(uri) ?? []), r])),
        async close() {
            await conn.sendRequest('shutdown').catch(() => undefined);
            await conn.sendNotification('exit').catch(() => undefined);
            // Let the server exit by itself (a --cpu-prof profile is written on exit), then make sure.
            await new Promise(r => {
                const t = setTimeout(r, 2000);
                proc.once('exit', () => {
                    clearTimeout(t);
                    r(undefined);
                });
            });
            conn.dispose();
            proc.kill();
        }
    };
}

export async function initialize(server: Server, folder: string): Promise<void> {
    const uri = pathToFileURL(folder).toString();
    await server.request('initialize', {
        processId: process.pid,
        rootUri: uri,
        workspaceFolders: [{ uri, name: 'bench' }],
        capabilities: {
            textDocument: {
                publishDiagnostics: {},
                completion: { completionItem: { snippetSupport: true } },
                hover: {}
            }
        }
    });
    server.notify('initialized', {});
}

export function rssMb(pid: number): number {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    return Number(/VmRSS:\s+(\d+)/.exec(status)![1]) / 1024;
}

export { CancellationTokenSource, pathToFileURL };

/**
 * A keystroke in an open document: types an "x" at column `at` of line `line` (its end if not given), or takes it
 * away again, and resolves when the document's diagnostics arrive.
 */
export function typist(server: Server, uri: string, lines: string[], line: number, at?: number): () => Promise<void> {
    let version = 1;
    const column = at ?? lines[line].length;
    let typed = false;
    return async () => {
        version++;
        const next = server.nextDiagnostics(uri);
        const start = { line, character: column };
        server.notify('textDocument/didChange', {
            textDocument: { uri, version },
            contentChanges: [
                typed
                    ? { range: { start, end: { line, character: column + 1 } }, text: '' }
                    : { range: { start, end: start }, text: 'x' }
            ]
        });
        typed = !typed;
        await next;
    };
}

/**
 * One cold start of a folder: initialize, open `first` → its diagnostics (ms); → every document indexed (workspace
 * symbols find `lastId`, an id of the file indexed last; ms); the server's RSS half a second later (MB).
 */
export async function coldStartRun(
    folder: string,
    first: string,
    lastId: string,
    entry?: Parameters<typeof startServer>[1],
    env?: Record<string, string>
): Promise<{ first: number; indexed: number; rss: number }> {
    const s = startServer(folder, entry, env);
    await initialize(s, folder);
    const uri = pathToFileURL(first).toString();
    const opened = s.nextDiagnostics(uri);
    s.notify('textDocument/didOpen', {
        textDocument: { uri, languageId: 'thidua', version: 1, text: readFileSync(first, 'utf8') }
    });
    await opened;
    const firstMs = await s.firstDiagnostics;
    for (;;) {
        const symbols = await Promise.race([
            s.request<{ name: string }[] | null>('workspace/symbol', { query: lastId }),
            new Promise<never>((_, reject) => setTimeout(() => reject(new Error('no answer in 60 s')), 60_000).unref())
        ]).catch(async (e: Error) => {
            await s.close();
            throw new Error(`the server did not answer workspace symbols (${folder}): ${e.message}`);
        });
        if (symbols?.some(x => x.name === lastId)) break;
        // Each request searches the whole index: asked every 20 ms, it took ~0.5 s of a 5,000-document start-up.
        await new Promise(r => setTimeout(r, 100));
    }
    const indexed = s.elapsed();
    await new Promise(r => setTimeout(r, 500));
    const rss = rssMb(s.pid);
    await s.close();
    return { first: firstMs, indexed, rss };
}
