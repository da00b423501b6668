import { DefaultNameProvider, type AstNode, type CstNode, GrammarUtils } from 'langium';
import { isRegistryEntry, isValue } from '../generated/ast.js';

/** A registry entry is named by its số và ký hiệu (what citations write); an indicator by its id without "#". */
export class ThiduaNameProvider extends DefaultNameProvider {
    override getName(node: AstNode): string | undefined {
        if (isRegistryEntry(node)) return node.number;
        if (isValue(node)) return node.id?.slice(1);
        return super.getName(node);
    }
    override getNameNode(node: AstNode): CstNode | undefined {
        if (isRegistryEntry(node)) return GrammarUtils.findNodeForProperty(node.$cstNode, 'number');
        if (isValue(node)) return GrammarUtils.findNodeForProperty(node.$cstNode, 'id');
        return super.getNameNode(node);
    }
}
