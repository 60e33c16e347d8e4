import ts from "typescript";

/** What an alias of a recursive schema is called: a number, so no spec text becomes a name. */
const ALIAS = "RecursiveSchema";

/**
 * openapi-typescript writes each component schema as a member of `components.schemas`, and each
 * reference to one as `components["schemas"]["X"]`. TypeScript resolves an array's element type
 * (and a union's members) at once, so a schema that holds itself through arrays and unions alone,
 * not inside an object, is "referenced directly or indirectly in its own type annotation" (TS2502)
 * under TypeScript 5.9 and 7: a JSON value (Vercel's `EdgeConfigItemValue`, `string | number | … |
 * V[]`), openapi-typescript#1603. Each such schema's type becomes a type alias, which TypeScript
 * resolves lazily, naming the others of its cycle by their aliases; its member refers to the alias,
 * so `components["schemas"]["X"]` is the same type as before. Nodes without such a schema come back
 * as they are.
 *
 * @example
 * withRecursiveAliases(await openapiTS(spec)) // V: RecursiveSchema0; … type RecursiveSchema0 = string | RecursiveSchema0[];
 */
export function withRecursiveAliases(nodes: readonly ts.Node[]): ts.Node[] {
  const at = nodes.findIndex(isComponents);
  const components = nodes[at] as ts.InterfaceDeclaration | undefined;
  const schemas = components === undefined ? undefined : schemaMembers(components);
  if (components === undefined || schemas === undefined) return [...nodes];
  const cyclic = onCycles(new Map([...schemas].map(([name, member]) => [name, eagerReferences(member.type)])));
  if (cyclic.length === 0) return [...nodes];
  const aliases = new Map(cyclic.map((name, index) => [name, `${ALIAS}${index}`]));
  const declarations = cyclic.map((name) =>
    ts.factory.createTypeAliasDeclaration(
      undefined,
      aliases.get(name) as string,
      undefined,
      withAliases(schemas.get(name)?.type as ts.TypeNode, aliases),
    ),
  );
  const rewritten = rewriteMembers(components, (name, member) => {
    const alias = aliases.get(name);
    if (alias === undefined) return member;
    const type = ts.factory.createTypeReferenceNode(alias);
    return ts.factory.updatePropertySignature(member, member.modifiers, member.name, member.questionToken, type);
  });
  return [...nodes.slice(0, at), rewritten, ...declarations, ...nodes.slice(at + 1)];
}

function isComponents(node: ts.Node): node is ts.InterfaceDeclaration {
  return ts.isInterfaceDeclaration(node) && node.name.text === "components";
}

/** `components.schemas`'s members by schema name, each with a type. */
function schemaMembers(
  components: ts.InterfaceDeclaration,
): Map<string, ts.PropertySignature & { type: ts.TypeNode }> | undefined {
  const literal = schemasLiteral(components);
  if (literal === undefined) return undefined;
  const members = new Map<string, ts.PropertySignature & { type: ts.TypeNode }>();
  for (const member of literal.members) {
    const name = member.name === undefined ? undefined : memberName(member.name);
    if (ts.isPropertySignature(member) && member.type !== undefined && name !== undefined)
      members.set(name, member as ts.PropertySignature & { type: ts.TypeNode });
  }
  return members;
}

/** The type literal of `components.schemas`. */
function schemasLiteral(components: ts.InterfaceDeclaration): ts.TypeLiteralNode | undefined {
  const member = components.members.find(
    (candidate) => candidate.name !== undefined && memberName(candidate.name) === "schemas",
  );
  return member !== undefined && ts.isPropertySignature(member) && member.type && ts.isTypeLiteralNode(member.type)
    ? member.type
    : undefined;
}

function memberName(name: ts.PropertyName): string | undefined {
  return ts.isIdentifier(name) || ts.isStringLiteral(name) ? name.text : undefined;
}

/**
 * The schemas `type` names where TypeScript resolves them at once: through unions, intersections,
 * parentheses, arrays, tuples, `readonly` and type arguments, not inside an object's members.
 */
function eagerReferences(type: ts.Node): string[] {
  const schema = referencedSchema(type);
  if (schema !== undefined) return [schema];
  if (ts.isTypeLiteralNode(type) || ts.isMappedTypeNode(type) || ts.isFunctionTypeNode(type)) return [];
  const found: string[] = [];
  ts.forEachChild(type, (child) => {
    found.push(...eagerReferences(child));
  });
  return found;
}

/** `X` of `components["schemas"]["X"]`, the way openapi-typescript refers to a schema. */
function referencedSchema(type: ts.Node): string | undefined {
  if (!ts.isIndexedAccessTypeNode(type) || !ts.isIndexedAccessTypeNode(type.objectType)) return undefined;
  const { objectType: root, indexType: group } = type.objectType;
  const inComponents =
    ts.isTypeReferenceNode(root) && ts.isIdentifier(root.typeName) && root.typeName.text === "components";
  return inComponents && literalText(group) === "schemas" ? literalText(type.indexType) : undefined;
}

function literalText(type: ts.TypeNode): string | undefined {
  return ts.isLiteralTypeNode(type) && ts.isStringLiteral(type.literal) ? type.literal.text : undefined;
}

/** The names that lie on a cycle of `edges` (a name that reaches itself), in the order `edges` has them. */
function onCycles(edges: Map<string, string[]>): string[] {
  return [...edges.keys()].filter((start) => {
    const seen = new Set<string>();
    const pending = [...(edges.get(start) ?? [])];
    for (let name = pending.pop(); name !== undefined; name = pending.pop()) {
      if (name === start) return true;
      if (seen.has(name)) continue;
      seen.add(name);
      pending.push(...(edges.get(name) ?? []));
    }
    return false;
  });
}

/** `type` with every reference to a schema in `aliases` written as its alias. */
function withAliases(type: ts.TypeNode, aliases: Map<string, string>): ts.TypeNode {
  const visit = (node: ts.Node): ts.Node => {
    const schema = referencedSchema(node);
    const alias = schema === undefined ? undefined : aliases.get(schema);
    if (alias !== undefined) return ts.factory.createTypeReferenceNode(alias);
    return ts.visitEachChild(node, visit, undefined);
  };
  return visit(type) as ts.TypeNode;
}

/** `components` with each member of `components.schemas` passed through `rewrite`. */
function rewriteMembers(
  components: ts.InterfaceDeclaration,
  rewrite: (name: string, member: ts.PropertySignature) => ts.PropertySignature,
): ts.InterfaceDeclaration {
  const literal = schemasLiteral(components) as ts.TypeLiteralNode;
  const members = literal.members.map((member) => {
    const name = member.name === undefined ? undefined : memberName(member.name);
    return ts.isPropertySignature(member) && name !== undefined ? rewrite(name, member) : member;
  });
  const schemas = ts.factory.updateTypeLiteralNode(literal, ts.factory.createNodeArray(members));
  const outer = components.members.map((member) =>
    ts.isPropertySignature(member) && member.type === literal
      ? ts.factory.updatePropertySignature(member, member.modifiers, member.name, member.questionToken, schemas)
      : member,
  );
  return ts.factory.updateInterfaceDeclaration(
    components,
    components.modifiers,
    components.name,
    components.typeParameters,
    components.heritageClauses,
    outer,
  );
}
