import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

let gc: (() => void) | undefined;

/**
 * A full garbage collection (as jest-leak-detector obtains it): after start-up the server has made a few hundred
 * MB of garbage and then waits for the editor; V8 would keep that memory until much later.
 */
export function collectGarbage(): void {
    if (!gc) {
        setFlagsFromString('--expose-gc');
        gc = runInNewContext('gc') as () => void;
    }
    gc();
}
