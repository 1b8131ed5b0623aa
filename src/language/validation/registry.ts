/** Langium's validation registry, calling a check that returns no promise without wrapping it in two. */
import { ValidationRegistry, type ValidationCheck } from 'langium';

const context = 'An error occurred during validation';

export class CpiplanValidationRegistry extends ValidationRegistry {
    /**
     * The same outcome as Langium's wrapper (an exception becomes an error diagnostic on the node;
     * a cancellation is rethrown), but a check that ends synchronously returns nothing to await:
     * Langium made two promises per node and check, on every keystroke (bench/PROFILE.md, round 3).
     */
    protected override wrapValidationException(check: ValidationCheck, thisObj: unknown): ValidationCheck {
        return (node, accept, cancelToken) => {
            let result: unknown;
            try {
                result = check.call(thisObj, node, accept, cancelToken);
            } catch (error) {
                return this.handleException(() => {
                    throw error;
                }, context, accept, node);
            }
            return result instanceof Promise ? this.handleException(() => result as Promise<void>, context, accept, node) : undefined;
        };
    }
}
