import { GraphQLError, type ASTVisitor, type ValidationContext } from 'graphql';

/**
 * Validation rule: aliases starting with `__` are the gateway's own (it
 * asks each person's ID under one, see served-people.ts). A client alias
 * could otherwise shadow it and make the gateway misread whom an answer is
 * about, so the document is refused.
 */
export function reservedAliasesRule(context: ValidationContext): ASTVisitor {
  return {
    Field(node) {
      if (node.alias?.value.startsWith('__')) {
        context.reportError(new GraphQLError(`Alias "${node.alias.value}": aliases starting with "__" are reserved`, { nodes: [node.alias] }));
      }
    },
  };
}
