/** A syntax tree written out whole, to compare two parses of one text (lean-parse and incremental-parse tests). */
import type { IToken } from 'chevrotain';
import { AstUtils, CstUtils, isLeafCstNode, type AstNode, type CstNode, type ParseResult } from 'langium';

/** Everything the tree says, with nodes named by their place in document order. */
export function describeTree(root: AstNode): unknown[] {
    const cst = root.$cstNode ? CstUtils.streamCst(root.$cstNode).toArray() : [];
    const cstIndex = new Map<CstNode, number>(cst.map((node, i) => [node, i]));
    const grammar = (node: CstNode) => node.grammarSource ? `${node.grammarSource.$type}@${node.grammarSource.$cstNode?.offset}` : undefined;
    const cstRows = cst.map(node => [
        node.offset, node.length, node.end, node.hidden, grammar(node), node.container ? cstIndex.get(node.container) : -1,
        isLeafCstNode(node) ? node.tokenType.name : 'composite', JSON.stringify(node.range)
    ]);
    const ast = AstUtils.streamAst(root).toArray();
    const astIndex = new Map<AstNode, number>(ast.map((node, i) => [node, i]));
    const astRows = ast.map(node => [
        node.$type, Object.keys(node).join(','), node.$container ? astIndex.get(node.$container) : -1, node.$containerProperty,
        node.$containerIndex, '$containerIndex' in node, node.$cstNode ? cstIndex.get(node.$cstNode) : -1,
        JSON.stringify(Object.entries(node).filter(([key, value]) => !key.startsWith('$') && (typeof value !== 'object' || value === null)))
    ]);
    return [cstRows, astRows];
}

/** Everything a parse says of its errors: where each lies (offsets, lines, columns), what it says, what recovery skipped. */
export function describeErrors(result: ParseResult): unknown[] {
    const token = (t: IToken | undefined) => t && [t.image, t.startOffset, t.endOffset, t.startLine, t.endLine, t.startColumn, t.endColumn, t.tokenType?.name];
    return [
        result.lexerErrors.map(e => [e.offset, e.length, e.line, e.column, e.message]),
        result.parserErrors.map(e => [e.name, e.message, token(e.token), token((e as { previousToken?: IToken }).previousToken), (e.resyncedTokens ?? []).map(token)]),
        result.lexerReport?.diagnostics ?? []
    ];
}
