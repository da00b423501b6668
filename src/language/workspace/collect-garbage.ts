import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

type Gc = (options?: { type: 'major'; execution: 'sync'; flavor?: 'regular' | 'last-resort' }) => void;
let gc: Gc | undefined;
const LAST_RESORT = Number(globalThis.process?.versions?.v8?.split('.')[0]) >= 12;

/**
 * A full garbage collection (exposed as jest-leak-detector does it): after start-up the server has made a few
 * hundred MB of garbage and then waits for the editor; V8 would keep that memory committed much longer.
 */
export function collectGarbage(returnPages = false): void {
    if (!gc) {
        // Started with --expose-gc (bin/thidua-language-server.cjs, the extension), else exposed now.
        if (!('gc' in globalThis)) setFlagsFromString('--expose-gc');
        gc = runInNewContext('gc') as Gc;
    }
    // V8 12 (Node 22) keeps the pages a plain collection empties (a script that freed 450 MB stayed at 559 MB); the
    // collection it runs when memory is low gives them back (59 MB). V8 11 (Node 20) frees nothing when given options.
    // Called with no argument otherwise: given `undefined`, V8 runs a minor collection only.
    if (returnPages && LAST_RESORT) gc({ type: 'major', execution: 'sync', flavor: 'last-resort' });
    else gc();
}

let again: ReturnType<typeof setTimeout> | undefined;
/** What the heap held after the last `returnMemory`. */
let keptAfterReturn = 0;

/**
 * A full collection now and another shortly after: V8 returns the pages the first one emptied to the system only
 * at a later collection (measured: a closed 4 MB document left 220 MB after one, 130 MB after the second).
 */
export function returnMemory(): void {
    collectGarbage(true);
    keptAfterReturn = getHeapStatistics().used_heap_size;
    if (again) clearTimeout(again);
    again = setTimeout(() => {
        again = undefined;
        collectGarbage(true);
    }, 200);
    again.unref?.();
}

let grownPast = 0;

/**
 * A full collection once the heap has doubled since the last one (and holds at least `floorMb`): a long batch that
 * drops a chunk of trees at a time then peaks near twice what it keeps, not wherever V8's growth heuristics end up
 * (a 5,000-document check peaked at 370 to 920 MB from one run to the next).
 */
export function collectIfGrown(floorMb = 256): void {
    const used = getHeapStatistics().used_heap_size;
    if (used < Math.max(floorMb * 2 ** 20, grownPast)) return;
    collectGarbage();
    grownPast = 2 * getHeapStatistics().used_heap_size;
}

/**
 * `returnMemory` when the heap holds more than 1.5 × what it held after the last one (and at least `floorMb`): an
 * idle server after a burst of edits kept twice its memory (V8 does not collect a heap that nothing allocates in).
 */
export function returnMemoryIfGrown(floorMb = 64): boolean {
    if (getHeapStatistics().used_heap_size < Math.max(floorMb * 2 ** 20, 1.5 * keptAfterReturn)) return false;
    returnMemory();
    return true;
}
