import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

let gc: (() => void) | undefined;

/**
 * A full garbage collection (exposed as jest-leak-detector does it): after start-up the server has made a few
 * hundred MB of garbage and then waits for the editor; V8 would keep that memory committed much longer.
 */
export function collectGarbage(): void {
    if (!gc) {
        // Started with --expose-gc (bin/thidua-language-server.cjs, the extension), else exposed now.
        if (!('gc' in globalThis)) setFlagsFromString('--expose-gc');
        gc = runInNewContext('gc') as () => void;
    }
    gc();
}
