/** Runs `fn` after the messages already queued: the JSON-RPC connection handles one message per event-loop turn. */
export function afterQueuedMessages(fn: () => void): void {
    setImmediate(() => setImmediate(fn));
}

/** Resolves after the messages already queued are handled: a long task lets the editor's requests in. */
export function queuedMessagesFirst(): Promise<void> {
    return new Promise(resolve => afterQueuedMessages(resolve));
}
