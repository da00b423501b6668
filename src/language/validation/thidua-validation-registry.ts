import {
    isOperationCancelled,
    ValidationRegistry,
    type AstNode,
    type MaybePromise,
    type ValidationAcceptor
} from 'langium';

/** The code (in `data.code`) of a check that failed: a fault of the checker, not of the document. */
export const CHECK_FAILED = 'loi-kiem-tra';

/**
 * A check that fails is logged as Langium does, and reported to the drafter in Vietnamese, the error's own text kept
 * in `data.detail`.
 */
export class ThiduaValidationRegistry extends ValidationRegistry {
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
