// What the language's Node-only helpers become in the browser: collecting garbage is left to the browser.
export function setFlagsFromString(): void {}
export function runInNewContext(): () => void {
    return () => undefined;
}
