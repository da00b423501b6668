import {
    DefaultScopeProvider,
    MultiMapScope,
    stream,
    type AstNodeDescription,
    type ReferenceInfo,
    type Scope
} from 'langium';

/** An index that finds the exported names by name (thidua's index manager). */
export interface NamedElements {
    /** The exported names `name` of this type (or a subtype), in the order `allElements` gives them. */
    elementsNamed(name: string, type: string): AstNodeDescription[];
}

/**
 * The folder's names looked up in the index by name: the same elements, in the same order, as Langium's global
 * scope, which is a table of every exported name made again after each change (a large folder paid for it before
 * the first link of every build, and start-up builds its files one by one).
 */
export class ThiduaScopeProvider extends DefaultScopeProvider {
    protected override getGlobalScope(referenceType: string, _context: ReferenceInfo): Scope {
        const index = this.indexManager as typeof this.indexManager & NamedElements;
        return {
            getElement: name => index.elementsNamed(name, referenceType)[0],
            getElements: name => stream(index.elementsNamed(name, referenceType)),
            // Completion lists every name: Langium's table, in its order (grouped by name).
            getAllElements: () => new MultiMapScope(index.allElements(referenceType)).getAllElements()
        };
    }
}
