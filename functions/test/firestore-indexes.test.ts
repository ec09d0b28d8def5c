/**
 * firestore.indexes.json against the code: every Firestore query in the shared domain code, the
 * functions and the relay is found by reading the source with the TypeScript compiler (every
 * `.where`/`.orderBy` chain, with the `query = query.where(…)` steps added under a condition taken as
 * optional), the composite index each variant needs is worked out by Firestore's rules, and the file must
 * declare exactly those: none missing (the query would fail in production), none stale.
 *
 * Why a static scan: it sees every query, including ones no test runs, and needs nothing from the
 * repositories. A query it cannot read (a field name that is not a literal, a collection it cannot
 * resolve) fails the test with its place, rather than being skipped.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

const ROOT = path.resolve(__dirname, '..', '..');
const SOURCES = ['packages/core/src', 'functions/src', 'realtime-server/src'];

interface IndexField {
  fieldPath: string;
  order?: 'ASCENDING' | 'DESCENDING';
  arrayConfig?: 'CONTAINS';
}
interface Index {
  collectionGroup: string;
  queryScope: 'COLLECTION' | 'COLLECTION_GROUP';
  fields: IndexField[];
}
interface Step {
  method: string;
  args: ts.Expression[];
}
interface FoundQuery {
  where: string;
  collection: string | null;
  scope: Index['queryScope'];
  base: Step[];
  optional: Step[][];
}

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? sourceFiles(path.join(dir, entry.name))
      : entry.name.endsWith('.ts')
        ? [path.join(dir, entry.name)]
        : [],
  );
}

/** `a.b(x).c(y)` → root `a`, steps [b(x), c(y)] (property reads without a call are kept as steps too). */
function flatten(expression: ts.Expression): { root: ts.Expression; steps: Step[] } {
  const steps: Step[] = [];
  let node: ts.Expression = expression;
  for (;;) {
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression)) {
      steps.unshift({ method: node.expression.name.text, args: [...node.arguments] });
      node = node.expression.expression;
    } else if (ts.isPropertyAccessExpression(node) && node.expression.kind !== ts.SyntaxKind.ThisKeyword) {
      steps.unshift({ method: `.${node.name.text}`, args: [] });
      node = node.expression;
    } else {
      return { root: node, steps };
    }
  }
}

const QUERY_METHODS = new Set(['where', 'orderBy']);

function scan(file: string): FoundQuery[] {
  const source = ts.createSourceFile(
    file,
    readFileSync(path.join(ROOT, file), 'utf8'),
    ts.ScriptTarget.ES2022,
    true,
  );
  const found: FoundQuery[] = [];
  const place = (node: ts.Node) =>
    `${file}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;

  /** The collection a chain starts from: a `.collection('x')` in it, or a local/const/method it comes from. */
  function collectionOf(
    root: ts.Expression,
    steps: Step[],
    scope: ts.Node,
  ): { name: string | null; group: boolean } {
    for (let i = steps.length - 1; i >= 0; i -= 1) {
      const step = steps[i];
      if (step && (step.method === 'collection' || step.method === 'collectionGroup')) {
        const arg = step.args[0];
        if (arg && ts.isStringLiteralLike(arg))
          return { name: arg.text.split('/').pop() ?? null, group: step.method === 'collectionGroup' };
        return { name: null, group: false };
      }
    }
    // `messages.orderBy(…)` where `const messages = <chain>` in the same function.
    if (ts.isIdentifier(root)) {
      const init = declarationIn(scope, root.text);
      if (init) {
        const inner = flatten(init);
        return collectionOf(inner.root, inner.steps, scope);
      }
    }
    // `this.inbox(uid).where(…)` where `inbox()` returns a chain in the same class.
    const first = steps[0];
    if (root.kind === ts.SyntaxKind.ThisKeyword && first) {
      const body = methodReturn(source, first.method);
      if (body) {
        const inner = flatten(body);
        return collectionOf(inner.root, inner.steps, body);
      }
    }
    return { name: null, group: false };
  }

  function visit(node: ts.Node): void {
    // The outermost call of a chain that has a where/orderBy step.
    if (ts.isCallExpression(node) && !isInnerChainLink(node)) {
      const { root, steps } = flatten(node);
      if (steps.some((step) => QUERY_METHODS.has(step.method))) {
        const fn = enclosingFunction(node);
        const assignedTo = assignmentTarget(node);
        // `query = query.where(…)`: a step added to a query built earlier; handled with that query.
        if (!(assignedTo && ts.isIdentifier(root) && root.text === assignedTo)) {
          const optional = assignedTo && fn ? laterSteps(fn, assignedTo) : [];
          const { name, group } = collectionOf(root, steps, fn ?? source);
          found.push({
            where: place(node),
            collection: name,
            scope: group ? 'COLLECTION_GROUP' : 'COLLECTION',
            base: steps,
            optional,
          });
        }
      }
    }
    ts.forEachChild(node, visit);
  }
  visit(source);
  return found;
}

function isInnerChainLink(node: ts.CallExpression): boolean {
  return ts.isPropertyAccessExpression(node.parent) && ts.isCallExpression(node.parent.parent);
}

function enclosingFunction(node: ts.Node): ts.FunctionLikeDeclaration | undefined {
  for (let n: ts.Node | undefined = node.parent; n; n = n.parent)
    if (ts.isFunctionLike(n)) return n as ts.FunctionLikeDeclaration;
  return undefined;
}

/** The variable a chain is stored in (`let query = <chain>` or `query = <chain>`). */
function assignmentTarget(node: ts.Node): string | undefined {
  const parent = node.parent;
  if (ts.isVariableDeclaration(parent) && ts.isIdentifier(parent.name)) return parent.name.text;
  if (
    ts.isBinaryExpression(parent) &&
    parent.operatorToken.kind === ts.SyntaxKind.EqualsToken &&
    ts.isIdentifier(parent.left)
  )
    return parent.left.text;
  return undefined;
}

/** Every `name = name.<steps>` in the function: steps that may or may not be added. */
function laterSteps(fn: ts.Node, name: string): Step[][] {
  const out: Step[][] = [];
  const visit = (node: ts.Node) => {
    if (
      ts.isBinaryExpression(node) &&
      node.operatorToken.kind === ts.SyntaxKind.EqualsToken &&
      ts.isIdentifier(node.left) &&
      node.left.text === name
    ) {
      const { root, steps } = flatten(node.right);
      if (ts.isIdentifier(root) && root.text === name) out.push(steps);
    }
    ts.forEachChild(node, visit);
  };
  visit(fn);
  return out;
}

function declarationIn(scope: ts.Node, name: string): ts.Expression | undefined {
  let init: ts.Expression | undefined;
  const visit = (node: ts.Node) => {
    if (
      ts.isVariableDeclaration(node) &&
      ts.isIdentifier(node.name) &&
      node.name.text === name &&
      node.initializer
    )
      init = node.initializer;
    ts.forEachChild(node, visit);
  };
  visit(scope);
  return init;
}

function methodReturn(source: ts.SourceFile, name: string): ts.Expression | undefined {
  let found: ts.Expression | undefined;
  const visit = (node: ts.Node) => {
    if (
      (ts.isMethodDeclaration(node) || ts.isGetAccessor(node)) &&
      ts.isIdentifier(node.name) &&
      node.name.text === name &&
      node.body
    ) {
      const ret = node.body.statements.find(ts.isReturnStatement);
      if (ret?.expression) found = ret.expression;
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** A field argument: a string literal, or `FieldPath.documentId()`; null when it is not one we can read. */
function fieldName(arg: ts.Expression | undefined): string | null {
  if (!arg) return null;
  if (ts.isStringLiteralLike(arg)) return arg.text;
  if (ts.isCallExpression(arg) && arg.expression.getText().endsWith('FieldPath.documentId'))
    return '__name__';
  return null;
}

const EQUALITY = new Set(['==', 'in']);
const ARRAY = new Set(['array-contains', 'array-contains-any']);

/** A needed index; its first `equalityPrefix` fields come from equality filters, which may come in any order. */
interface Required extends Index {
  equalityPrefix: number;
}

/** The composite index one query variant needs, or null when single-field indexes serve it. */
function requiredIndex(query: FoundQuery, steps: Step[]): Required | null {
  const filters: { field: string | null; op: string }[] = [];
  const orders: { field: string | null; dir: 'ASCENDING' | 'DESCENDING' }[] = [];
  for (const step of steps) {
    if (step.method === 'where') {
      const op = step.args[1];
      filters.push({ field: fieldName(step.args[0]), op: op && ts.isStringLiteralLike(op) ? op.text : '?' });
    } else if (step.method === 'orderBy') {
      const dir = step.args[1];
      orders.push({
        field: fieldName(step.args[0]),
        dir: dir && ts.isStringLiteralLike(dir) && dir.text === 'desc' ? 'DESCENDING' : 'ASCENDING',
      });
    }
  }
  if (filters.length + orders.length <= 1) return null; // one field: its automatic index serves it
  const unreadable = [...filters, ...orders].find(
    (part) => part.field === null || ('op' in part && part.op === '?'),
  );
  if (unreadable)
    throw new Error(
      `${query.where}: a query whose fields or operators are not literals; cannot tell its index.`,
    );
  const equal = filters.filter((f) => EQUALITY.has(f.op) || ARRAY.has(f.op));
  const ranges = filters.filter((f) => !EQUALITY.has(f.op) && !ARRAY.has(f.op));
  const ordered = orders.filter((o) => o.field !== '__name__' && !equal.some((f) => f.field === o.field));
  for (const range of ranges) {
    if (!ordered.some((o) => o.field === range.field))
      ordered.unshift({ field: range.field, dir: 'ASCENDING' });
  }
  const fields = new Set([...equal, ...ordered].map((part) => part.field));
  if (fields.size <= 1) return null;
  if (ordered.length === 0 && equal.every((f) => EQUALITY.has(f.op))) return null; // equality only: index merging
  if (!query.collection) throw new Error(`${query.where}: cannot tell which collection this query reads.`);
  return {
    collectionGroup: query.collection,
    queryScope: query.scope,
    equalityPrefix: equal.length,
    fields: [
      ...equal.map((f) =>
        ARRAY.has(f.op)
          ? { fieldPath: f.field as string, arrayConfig: 'CONTAINS' as const }
          : { fieldPath: f.field as string, order: 'ASCENDING' as const },
      ),
      ...ordered.map((o) => ({ fieldPath: o.field as string, order: o.dir })),
    ],
  };
}

/** Every subset of the optional steps, appended to the base in source order. */
function variants(query: FoundQuery): Step[][] {
  const out: Step[][] = [];
  for (let mask = 0; mask < 1 << query.optional.length; mask += 1) {
    out.push([...query.base, ...query.optional.filter((_, i) => mask & (1 << i)).flat()]);
  }
  return out;
}

/** Whether a declared index serves a required one: same collection and scope, equality prefix in any order, then the same order. */
function serves(declared: Index, required: Required): boolean {
  if (declared.collectionGroup !== required.collectionGroup || declared.queryScope !== required.queryScope)
    return false;
  if (declared.fields.length !== required.fields.length) return false;
  const key = (f: IndexField) => `${f.fieldPath}:${f.arrayConfig ?? f.order}`;
  // An equality field may be declared in either direction; an array-contains one must be CONTAINS.
  const loose = (f: IndexField) => (f.arrayConfig ? key(f) : f.fieldPath);
  const prefix = required.equalityPrefix;
  const same = (a: string[], b: string[]) => JSON.stringify(a) === JSON.stringify(b);
  return (
    same(
      declared.fields.slice(0, prefix).map(loose).sort(),
      required.fields.slice(0, prefix).map(loose).sort(),
    ) && same(declared.fields.slice(prefix).map(key), required.fields.slice(prefix).map(key))
  );
}

function requiredIndexes(): { indexes: Required[]; queries: FoundQuery[] } {
  const queries = SOURCES.flatMap(sourceFiles).flatMap(scan);
  const indexes: Required[] = [];
  for (const query of queries) {
    for (const steps of variants(query)) {
      const index = requiredIndex(query, steps);
      if (index && !indexes.some((known) => JSON.stringify(known) === JSON.stringify(index)))
        indexes.push(index);
    }
  }
  return { indexes, queries };
}

const declared = (
  JSON.parse(readFileSync(path.join(ROOT, 'firestore.indexes.json'), 'utf8')) as { indexes: Index[] }
).indexes;

describe('firestore.indexes.json', () => {
  const { indexes: required, queries } = requiredIndexes();

  it('when the source is scanned, then it finds the queries (the scan itself works)', () => {
    expect(queries.length).toBeGreaterThanOrEqual(8);
    expect(queries.map((q) => q.where).join('\n')).toMatch(/chat-repository\.ts/);
  });

  it('when a query needs a composite index, then the file declares it', () => {
    const missing = required.filter((index) => !declared.some((d) => serves(d, index)));
    expect(missing).toEqual([]);
  });

  it('when the file declares an index, then some query needs it (no stale index)', () => {
    const stale = declared.filter((d) => !required.some((index) => serves(d, index)));
    expect(stale).toEqual([]);
  });

  it('when a query is added that needs an undeclared index, then the check notices', () => {
    const query: FoundQuery = {
      where: 'example',
      collection: 'messages',
      scope: 'COLLECTION',
      base: [],
      optional: [],
    };
    const parse = (code: string) =>
      flatten(
        (
          ts.createSourceFile('x.ts', code, ts.ScriptTarget.ES2022, true)
            .statements[0] as ts.ExpressionStatement
        ).expression,
      ).steps;
    const index = requiredIndex(query, parse("q.where('senderId', '==', uid).orderBy('createdAt', 'desc')"));
    expect(index?.fields).toEqual([
      { fieldPath: 'senderId', order: 'ASCENDING' },
      { fieldPath: 'createdAt', order: 'DESCENDING' },
    ]);
    expect(declared.some((d) => index && serves(d, index))).toBe(false);
    expect(requiredIndex(query, parse("q.where('a', '==', 1).where('b', '==', 2)"))).toBeNull();
    expect(requiredIndex(query, parse("q.orderBy('createdAt').orderBy(FieldPath.documentId())"))).toBeNull();
  });
});
