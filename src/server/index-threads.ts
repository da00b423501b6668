import { availableParallelism } from 'node:os';
import { parentPort, Worker } from 'node:worker_threads';
import { sharingTexts } from '../domain/memo.js';
import { ThiduaFileSystem } from '../io/read.js';
import { createThiduaServices } from '../language/thidua-module.js';
import type { ThiduaWorkspaceManager } from '../language/workspace/thidua-workspace-manager.js';
import type { IndexWorkers, LinkTarget, SavedDocument } from '../language/workspace/saved-index.js';
import { fingerprintOf } from './index-store.js';

/** Below this many files per thread, starting one (~0.2 s) gains nothing. */
const FILES_PER_THREAD = 300;
/** The most threads start-up uses, whatever the machine. */
const MAX_THREADS = 7;
/** Chunks a thread holds: enough to last while the server builds a chunk of its own (it answers between chunks). */
const AHEAD = 4;

/** What tells a thread of the server's file that it builds files for start-up. */
export const INDEX_THREAD = 'thidua-index-thread';

/** `fingerprints`: whether the server saves its index, so that the bytes of each file built are fingerprinted. */
type ToThread = { targets: LinkTarget[]; fingerprints: boolean } | { files: string[] };
type FromThread = { entries: [string, SavedDocument][] };
export type Thread = { worker: Worker; ended: boolean };

/** Code a thread evaluates to load `file` through `runner`, as a script or (under `--input-type=module`) a module. */
export function runnerCall(runner: string, file: string): string {
    const load = "(typeof require === 'function' ? require : process.getBuiltinModule('node:module').createRequire(r))";
    return `{ const r = ${JSON.stringify(runner)}; ${load}(r)(${JSON.stringify(file)}); }`;
}

/**
 * Worker threads running the server's own file (`file`), each with its own services: they build part of the files
 * at start-up while the server builds the rest. As many as the machine has cores besides the server's, at most 7;
 * THIDUA_INDEX_THREADS sets the most (0: none).
 */
export class ThreadIndexWorkers implements IndexWorkers {
    private readonly max: number;
    /** Threads started by `prepare`, not yet given work. */
    private readonly ready: Thread[] = [];

    constructor(
        private readonly file: string,
        max = Number(process.env.THIDUA_INDEX_THREADS ?? availableParallelism() - 1),
        private readonly perThread = FILES_PER_THREAD
    ) {
        this.max = Number.isInteger(max) && max > 0 ? Math.min(max, MAX_THREADS) : 0;
    }

    count(files: number): number {
        return Math.min(this.max, Math.floor(files / this.perThread));
    }

    prepare(files: number): void {
        while (this.ready.length < this.count(files)) {
            const thread = this.spawn();
            if (!thread) break;
            this.ready.push(thread);
        }
    }

    stop(): void {
        for (const thread of this.ready.splice(0)) void thread.worker.terminate();
    }

    async run(
        count: number,
        targets: LinkTarget[],
        next: () => string[] | undefined,
        built: (entries: [string, SavedDocument][]) => void,
        fingerprints = true
    ): Promise<void> {
        const threads = this.ready.splice(0, count);
        this.stop();
        while (threads.length < count) {
            const thread = this.spawn();
            if (!thread) break;
            threads.push(thread);
        }
        await Promise.all(threads.map(thread => this.runOne(thread, targets, next, built, fingerprints)));
    }

    /** A thread started, its failure kept until `runOne` listens (undefined: it could not start). */
    protected spawn(): Thread | undefined {
        let worker: Worker;
        try {
            // Its standard output would go into the server's: in a server over stdio, the editor's messages.
            const options = { workerData: INDEX_THREAD, stdout: true };
            // A server loaded with its code cache (bin/code-cache.cjs) loads its threads the same way (~0.3 s less).
            const runner = (globalThis as Record<symbol, unknown>)[Symbol.for('thidua.codeCacheRunner')];
            worker =
                typeof runner === 'string'
                    ? new Worker(runnerCall(runner, this.file), { ...options, eval: true })
                    : new Worker(this.file, options);
        } catch {
            return undefined;
        }
        worker.stdout.pipe(process.stderr);
        const thread: Thread = { worker, ended: false };
        worker.on('error', e => {
            thread.ended = true;
            console.error(`thidua: một luồng lập chỉ mục dừng; các tệp của nó được xử lý lại. ${e.message}`);
        });
        worker.on('exit', () => (thread.ended = true));
        return thread;
    }

    private runOne(
        thread: Thread,
        targets: LinkTarget[],
        next: () => string[] | undefined,
        built: (entries: [string, SavedDocument][]) => void,
        fingerprints: boolean
    ): Promise<void> {
        return new Promise(resolve => {
            const { worker } = thread;
            let given = 0;
            let stopped = false;
            const stop = () => {
                if (stopped) return;
                stopped = true;
                void worker.terminate();
                resolve();
            };
            if (thread.ended) {
                stop();
                return;
            }
            const send = (message: ToThread) => worker.postMessage(message);
            const feed = () => {
                while (given < AHEAD) {
                    const files = next();
                    if (!files) break;
                    given++;
                    send({ files });
                }
                if (!given) stop();
            };
            worker.on('message', (message: FromThread) => {
                given--;
                built(message.entries);
                feed();
            });
            worker.on('error', stop);
            worker.on('exit', stop);
            send({ targets, fingerprints });
            feed();
        });
    }
}

/** The body of a thread started by `ThreadIndexWorkers`: builds the files it is given, one message at a time. */
export function runIndexThread(): void {
    const port = parentPort;
    if (!port) return;
    sharingTexts(false);
    const { shared } = createThiduaServices({ ...ThiduaFileSystem });
    const manager = shared.workspace.WorkspaceManager as ThiduaWorkspaceManager;
    // Made ready while the server reads the folder: the first files then wait for no parser to be made.
    let queue = manager.warmUp().catch(() => undefined);
    let fingerprint: typeof fingerprintOf | undefined;
    port.on('message', (message: ToThread) => {
        queue = queue.then(async () => {
            if ('targets' in message) {
                fingerprint = message.fingerprints ? fingerprintOf : undefined;
                await manager.takeTargets(message.targets);
            } else
                port.postMessage({
                    entries: await manager.entriesOf(message.files, fingerprint)
                } satisfies FromThread);
        });
    });
}
