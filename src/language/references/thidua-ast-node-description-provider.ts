import {
    AstUtils,
    CstUtils,
    DefaultAstNodeDescriptionProvider,
    type AstNode,
    type AstNodeDescription,
    type LangiumDocument
} from 'langium';
import { shared } from '../../domain/memo.js';
import { packSegment } from '../syntax/segments.js';

/**
 * Descriptions in the index keep the node's place (document, path, segments), not the node: the index must not
 * hold the tree of a file the editor has unloaded. The linker finds the node again by its path.
 *
 * Made here as a plain object: Langium's has a getter for its name segment, and V8 puts every getter of an object
 * literal in the old generation, where it kept the node, and so the whole tree, through every minor collection
 * until the next full one — each file parsed at start-up was copied to the old generation because of it. Its texts are
 * shared and its segments packed (`PackedSegment`): the index holds them for the whole folder.
 */
export class ThiduaAstNodeDescriptionProvider extends DefaultAstNodeDescriptionProvider {
    override createDescription(
        node: AstNode,
        name: string | undefined,
        document?: LangiumDocument
    ): AstNodeDescription {
        name ??= this.nameProvider.getName(node);
        const path = this.astNodeLocator.getAstNodePath(node);
        if (!name) throw new Error(`Node at path ${path} has no name.`);
        return {
            name: shared(name),
            nameSegment: packSegment(CstUtils.toDocumentSegment(this.nameProvider.getNameNode(node) ?? node.$cstNode)),
            selectionSegment: packSegment(CstUtils.toDocumentSegment(node.$cstNode)),
            type: node.$type,
            documentUri: (document ?? AstUtils.getDocument(node)).uri,
            path: shared(path)
        };
    }
}
