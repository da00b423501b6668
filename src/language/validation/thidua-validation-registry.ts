import {
    isOperationCancelled,
    ValidationRegistry,
    type AstNode,
    type MaybePromise,
    type ValidationAcceptor,
    type ValidationCheck
} from 'langium';

/** The code (in `data.code`) of a check that failed: a fault of the checker, not of the document. */
export const CHECK_FAILED = 'loi-kiem-tra';

/**
 * Langium wraps every check in two async functions, so each checked node costs two promises and a wait for the
 * microtask queue (a 20,000-line document has 40,000 checked nodes). The wrapper here calls a check directly and
 * returns a promise only when the check itself is asynchronous or throws. A check that fails is logged as Langium
 * does, and reported to the drafter in Vietnamese, the error's own text kept in `data.detail`.
 */
export class ThiduaValidationRegistry extends ValidationRegistry {
    protected override wrapValidationException(check: ValidationCheck, thisObj: unknown): ValidationCheck {
        const context = 'An error occurred during validation';
        return (node: AstNode, accept, cancelToken) => {
            let result: ReturnType<ValidationCheck>;
            try {
                result = check.call(thisObj, node, accept, cancelToken);
            } catch (err) {
                return this.handleException(
                    () => {
                        throw err;
                    },
                    context,
                    accept,
                    node
                );
            }
            if (result && typeof (result as Promise<void>).then === 'function')
                return this.handleException(() => result, context, accept, node);
            return undefined;
        };
    }

    protected override async handleException(
        functionality: () => MaybePromise<void>,
        messageContext: string,
        accept: ValidationAcceptor,
        node: AstNode
    ): Promise<void> {
        try {
            await functionality();
        } catch (err) {
            if (isOperationCancelled(err)) throw err;
            console.error(`${messageContext}:`, err);
            const detail = err instanceof Error ? err.message : String(err);
            const message =
                'Công cụ kiểm tra gặp sự cố ở phần này nên chưa kiểm tra hết (lỗi của công cụ, ' +
                'không phải của văn bản). Các phần khác vẫn được kiểm tra.';
            accept('error', message, { node, data: { code: CHECK_FAILED, detail } });
        }
    }
}
