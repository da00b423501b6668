import { ValidationRegistry, type AstNode, type ValidationCheck } from 'langium';

/**
 * Langium wraps every check in two async functions, so each checked node costs two promises and a wait for the
 * microtask queue (a 20,000-line document has 40,000 checked nodes). The wrapper here calls a check directly and
 * returns a promise only when the check itself is asynchronous or throws; errors are reported as Langium does.
 */
export class ThiduaValidationRegistry extends ValidationRegistry {
    protected override wrapValidationException(check: ValidationCheck, thisObj: unknown): ValidationCheck {
        const context = 'An error occurred during validation';
        return (node: AstNode, accept, cancelToken) => {
            let result: ReturnType<ValidationCheck>;
            try {
                result = check.call(thisObj, node, accept, cancelToken);
            } catch (err) {
                return this.handleException(() => { throw err; }, context, accept, node);
            }
            if (result && typeof (result as Promise<void>).then === 'function') return this.handleException(() => result, context, accept, node);
            return undefined;
        };
    }
}
