// What CloudFront's cloudfront-js-2.0 runtime documents it runs
// (https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/functions-javascript-runtime-20.html):
// ES 5.1, plus const and let, async and await (await only inside an async
// function; async arrow functions and closures not supported), template
// literals, arrow functions, rest parameters and **. No dynamic code
// evaluation, timers, network or file system
// (https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/cloudfront-function-restrictions.html),
// and one import, of the KeyValueStore helpers. Anything else the generated
// code uses is listed, with its line, so a change that reaches past the
// documented subset fails here instead of at `aws cloudfront update-function`.
import ts from 'typescript';

const K = ts.SyntaxKind;
const ALLOWED = new Set([
  ...[K.SourceFile, K.EndOfFileToken, K.Block, K.EmptyStatement, K.ExpressionStatement, K.VariableStatement],
  ...[K.VariableDeclarationList, K.VariableDeclaration, K.FunctionDeclaration, K.Parameter, K.ReturnStatement],
  ...[K.IfStatement, K.ForStatement, K.ForInStatement, K.WhileStatement, K.DoStatement, K.LabeledStatement],
  ...[K.BreakStatement, K.ContinueStatement, K.SwitchStatement, K.CaseBlock, K.CaseClause, K.DefaultClause],
  ...[K.TryStatement, K.CatchClause, K.ThrowStatement, K.Identifier, K.StringLiteral, K.NumericLiteral],
  ...[K.TrueKeyword, K.FalseKeyword, K.NullKeyword, K.ThisKeyword, K.ObjectLiteralExpression, K.PropertyAssignment],
  ...[K.ArrayLiteralExpression, K.PropertyAccessExpression, K.ElementAccessExpression, K.CallExpression],
  ...[K.NewExpression, K.BinaryExpression, K.PrefixUnaryExpression, K.PostfixUnaryExpression, K.TypeOfExpression],
  ...[K.ConditionalExpression, K.ParenthesizedExpression, K.DeleteExpression, K.VoidExpression],
  ...[K.FunctionExpression, K.ArrowFunction, K.EqualsGreaterThanToken, K.AwaitExpression],
  ...[K.NoSubstitutionTemplateLiteral, K.TemplateExpression, K.TemplateHead, K.TemplateSpan],
  ...[K.TemplateMiddle, K.TemplateTail, K.ImportDeclaration, K.ImportClause],
]);
/** ES 5.1's operators and **; not ?., ??, the logical assignments or spread. */
const OPERATORS = new Set(
  `= += -= *= /= %= <<= >>= >>>= &= |= ^= **= == != === !== < > <= >= + - * / % ** ++ -- << >> >>> & | ^ ! ~ && || , in instanceof`.split(
    ' ',
  ),
);
/** Globals that would evaluate code, wait, or reach outside the function. */
const FORBIDDEN_GLOBALS = new Set(['eval', 'Function', 'setTimeout', 'setInterval', 'require', 'process', 'fetch']);

/** What `code` uses beyond the documented subset, one line each; empty when nothing. */
export function unsupportedConstructs(code: string): string[] {
  const file = ts.createSourceFile('viewer-request.js', code, ts.ScriptTarget.ES2022, true, ts.ScriptKind.JS);
  const found: string[] = [];
  const at = (node: ts.Node) => `line ${file.getLineAndCharacterOfPosition(node.getStart(file)).line + 1}`;
  const diagnostics = (file as unknown as { parseDiagnostics: ts.Diagnostic[] }).parseDiagnostics;
  for (const d of diagnostics) found.push(`syntax error: ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`);
  const visit = (node: ts.Node, asyncDepth: number) => {
    const problem = unsupported(node, asyncDepth);
    if (problem) found.push(`${problem} (${at(node)}: ${node.getText(file).slice(0, 60)})`);
    const isAsync = ts.canHaveModifiers(node) && ts.getModifiers(node)?.some((m) => m.kind === K.AsyncKeyword);
    ts.forEachChild(node, (child) => visit(child, asyncDepth + (isAsync ? 1 : 0)));
  };
  visit(file, 0);
  return found;
}

function unsupported(node: ts.Node, asyncDepth: number): string | undefined {
  if (ts.isImportDeclaration(node)) {
    const only =
      node.getText() === "import cf from 'cloudfront';" && (node.parent as ts.SourceFile).statements[0] === node;
    return only ? undefined : 'an import other than `import cf from "cloudfront"` as the first statement';
  }
  if (ts.isIdentifier(node) && FORBIDDEN_GLOBALS.has(node.text)) return `${node.text}: not available to functions`;
  if (ts.isVariableDeclaration(node) && !ts.isIdentifier(node.name)) return 'destructuring';
  if (ts.isParameter(node) && (node.dotDotDotToken || !ts.isIdentifier(node.name)))
    return 'a rest or destructured parameter';
  if (ts.isPropertyAssignment(node) && ts.isComputedPropertyName(node.name)) return 'a computed property name';
  if (ts.isBinaryExpression(node) && !OPERATORS.has(node.operatorToken.getText())) {
    return `the operator ${node.operatorToken.getText()}`;
  }
  if (
    (ts.isPropertyAccessExpression(node) || ts.isCallExpression(node) || ts.isElementAccessExpression(node)) &&
    node.questionDotToken
  ) {
    return 'optional chaining';
  }
  if (ts.isAwaitExpression(node) && asyncDepth === 0) return 'await outside an async function';
  const modifiers = ts.canHaveModifiers(node) ? (ts.getModifiers(node) ?? []) : [];
  for (const modifier of modifiers) {
    const topLevelAsyncFunction =
      modifier.kind === K.AsyncKeyword && ts.isFunctionDeclaration(node) && ts.isSourceFile(node.parent);
    if (!topLevelAsyncFunction) return `the modifier ${modifier.getText()} (async closures are not supported)`;
  }
  if ((ts.isFunctionDeclaration(node) || ts.isFunctionExpression(node)) && node.asteriskToken) return 'a generator';
  // Regular expressions are tokens, and their flags and syntax grew with every edition: none are used.
  const allowed = ALLOWED.has(node.kind) || (ts.isToken(node) && node.kind !== K.RegularExpressionLiteral);
  return allowed ? undefined : `${K[node.kind]}: not in the documented subset`;
}
