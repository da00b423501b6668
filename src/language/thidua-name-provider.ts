import { DefaultNameProvider, type AstNode, type CstNode, GrammarUtils } from 'langium';
import { isRegistryEntry } from './generated/ast.js';

/** A registry entry is named by its số và ký hiệu, which is what citations write. */
export class ThiduaNameProvider extends DefaultNameProvider {
    override getName(node: AstNode): string | undefined {
        if (isRegistryEntry(node)) return node.number;
        return super.getName(node);
    }
    override getNameNode(node: AstNode): CstNode | undefined {
        if (isRegistryEntry(node)) return GrammarUtils.findNodeForProperty(node.$cstNode, 'number');
        return super.getNameNode(node);
    }
}
