import {
    DefaultAstNodeDescriptionProvider,
    type AstNode,
    type AstNodeDescription,
    type LangiumDocument
} from 'langium';
import { ownCopy } from '../../domain/memo.js';

/**
 * Descriptions in the index keep the node's place (document, path, segments), not the node: the index must not
 * hold the tree of a file the editor has unloaded. The linker finds the node again by its path.
 */
export class ThiduaAstNodeDescriptionProvider extends DefaultAstNodeDescriptionProvider {
    override createDescription(
        node: AstNode,
        name: string | undefined,
        document?: LangiumDocument
    ): AstNodeDescription {
        const d = super.createDescription(node, name, document);
        return {
            name: ownCopy(d.name),
            nameSegment: d.nameSegment,
            selectionSegment: d.selectionSegment,
            type: d.type,
            documentUri: d.documentUri,
            path: d.path
        };
    }
}
