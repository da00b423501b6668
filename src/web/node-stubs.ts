// What the language's Node-only helpers become in the browser: collecting garbage is left to the browser.
export function setFlagsFromString(): void {}
export function getHeapStatistics(): { used_heap_size: number } {
    return { used_heap_size: 0 };
}
export function runInNewContext(): () => void {
    return () => undefined;
}
