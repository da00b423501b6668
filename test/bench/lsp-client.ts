import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
    CancellationTokenSource,
    createMessageConnection,
    StreamMessageReader,
    StreamMessageWriter
} from 'vscode-jsonrpc/node.js';

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

export function startServer(folder: string): Server {
    // THIDUA_SERVER_NODE_ARGS="--cpu-prof --cpu-prof-dir=out/prof" profiles the server.
    const nodeArgs = (process.env.THIDUA_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean);
    const proc = spawn(process.execPath, [...nodeArgs, join(ROOT, 'bin', 'thidua-language-server.cjs'), '--stdio'], {
        cwd: folder,
        stdio: ['pipe', 'pipe', 'inherit']
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
