/**
 * Reading our own sources for the security checklist tests: which files exist, where a function is called,
 * and whether an HTML page carries inline code.
 *
 * Calls are found with the TypeScript parser, not with text search, so a comment or a string that mentions
 * `shell.openExternal` is not a call, and a call split over lines is still one.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

export const repoRoot = path.resolve(import.meta.dirname, '../..');

const CODE_EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.mjs', '.cjs'];
const SKIPPED_FOLDERS = new Set(['node_modules', 'dist', 'release', 'coverage', 'test-results']);

/** Text of a repository file (path relative to the repository, `/`-separated). */
export function read(file: string): string {
  return readFileSync(path.join(repoRoot, file), 'utf8');
}

/** Repository-relative code files under `folders` (declaration files excluded). */
export function codeFiles(folders: readonly string[], extensions = CODE_EXTENSIONS): string[] {
  const out: string[] = [];
  const walk = (folder: string) => {
    for (const entry of readdirSync(path.join(repoRoot, folder), { withFileTypes: true })) {
      const file = `${folder}/${entry.name}`;
      if (entry.isDirectory()) {
        if (!SKIPPED_FOLDERS.has(entry.name)) walk(file);
      } else if (extensions.some((ext) => entry.name.endsWith(ext)) && !/\.d\.[cm]?ts$/.test(entry.name)) {
        out.push(file);
      }
    }
  };
  for (const folder of folders) walk(folder);
  return out.sort();
}

const parsed = new Map<string, ts.SourceFile>();

/** The parsed syntax tree of `file` (cached). */
export function syntaxTree(file: string): ts.SourceFile {
  let tree = parsed.get(file);
  if (!tree) {
    const kind = file.endsWith('x')
      ? ts.ScriptKind.TSX
      : file.endsWith('ts')
        ? ts.ScriptKind.TS
        : ts.ScriptKind.JS;
    tree = ts.createSourceFile(file, read(file), ts.ScriptTarget.Latest, true, kind);
    parsed.set(file, tree);
  }
  return tree;
}

export interface CallSite {
  file: string;
  line: number;
  /** The callee as written, whitespace collapsed: `shell.openExternal`, `openExternal`, `ipcMain.handle`. */
  callee: string;
  node: ts.CallExpression;
}

/** The name a callee ends in: `openExternal` for both `openExternal(…)` and `shell.openExternal(…)`. */
function calleeName(expression: ts.Expression): string | undefined {
  if (ts.isIdentifier(expression)) return expression.text;
  if (ts.isPropertyAccessExpression(expression)) return expression.name.text;
  return undefined;
}

/** Every call in `files` to a function or method named `name`. */
export function callsNamed(files: readonly string[], name: string): CallSite[] {
  const sites: CallSite[] = [];
  for (const file of files) {
    if (!read(file).includes(name)) continue; // cheap pre-filter: parsing every file is the slow part
    const tree = syntaxTree(file);
    const visit = (node: ts.Node) => {
      if (ts.isCallExpression(node) && calleeName(node.expression) === name) {
        sites.push({
          file,
          line: tree.getLineAndCharacterOfPosition(node.getStart()).line + 1,
          callee: node.expression.getText().replace(/\s+/g, ''),
          node,
        });
      }
      ts.forEachChild(node, visit);
    };
    visit(tree);
  }
  return sites;
}

/** The nearest enclosing call of `node` (the call it is an argument of, directly or inside a function). */
export function enclosingCall(node: ts.Node): ts.CallExpression | undefined {
  for (let current = node.parent; current; current = current.parent) {
    if (ts.isCallExpression(current)) return current;
  }
  return undefined;
}

/** The name of the object-literal property whose value contains `node`, if it is inside one directly. */
export function enclosingPropertyName(node: ts.Node): string | undefined {
  for (let current = node.parent; current; current = current.parent) {
    if (ts.isPropertyAssignment(current) && ts.isIdentifier(current.name)) return current.name.text;
    if (ts.isCallExpression(current) || ts.isSourceFile(current)) return undefined;
  }
  return undefined;
}

/** Every string literal (and template text) in `files` whose value matches `pattern`, as `file:line text`. */
export function stringsMatching(files: readonly string[], pattern: RegExp): string[] {
  const found: string[] = [];
  for (const file of files) {
    const tree = syntaxTree(file);
    const visit = (node: ts.Node) => {
      if (ts.isStringLiteralLike(node) || ts.isTemplateLiteralToken(node)) {
        if (pattern.test(node.text)) {
          found.push(`${file}:${tree.getLineAndCharacterOfPosition(node.getStart()).line + 1} ${node.text}`);
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(tree);
  }
  return found;
}

/**
 * How each use of the identifier `name` in `file` appears: `import`, `argument of <callee>`, or `other: <text>`
 * (the statement around it), to prove an object such as `ipcMain` is only handed to one function.
 */
export function identifierUses(file: string, name: string): string[] {
  const uses: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isIdentifier(node) && node.text === name) {
      const parent = node.parent;
      if (ts.isImportSpecifier(parent)) uses.push('import');
      else if (ts.isCallExpression(parent) && parent.arguments.some((argument) => argument === node)) {
        uses.push(`argument of ${parent.expression.getText()}`);
      } else uses.push(`other: ${parent.getText().replace(/\s+/g, ' ').slice(0, 80)}`);
    }
    ts.forEachChild(node, visit);
  };
  visit(syntaxTree(file));
  return uses;
}

/** Top-level statements of `file` (not inside a function), as written. */
export function topLevelStatements(file: string): string[] {
  return syntaxTree(file).statements.map((statement) => statement.getText().replace(/\s+/g, ' '));
}

/**
 * Why `html` would need `'unsafe-inline'` (or break under our CSP): inline `<script>` bodies, scripts without
 * `src`, inline event handlers (`onclick=`), `javascript:` URLs, `<style>` blocks and `style=` attributes.
 */
export function inlineCodeProblems(html: string): string[] {
  const problems: string[] = [];
  for (const match of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi)) {
    const [, attributes = '', body = ''] = match;
    if (!/\ssrc\s*=/i.test(` ${attributes}`)) problems.push('a <script> without src');
    if (body.trim() !== '') problems.push(`an inline script: ${body.trim().slice(0, 40)}`);
  }
  for (const match of html.matchAll(/<[a-z][^>]*?\s(on[a-z]+)\s*=/gi)) {
    problems.push(`an inline event handler (${match[1]})`);
  }
  if (/\b(?:href|src|action|formaction)\s*=\s*["']?\s*javascript:/i.test(html))
    problems.push('a javascript: URL');
  if (/<style\b/i.test(html)) problems.push('a <style> block');
  if (/<[a-z][^>]*?\sstyle\s*=/i.test(html)) problems.push('a style= attribute');
  return problems;
}
