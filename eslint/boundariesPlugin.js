// @ts-check
// A small local ESLint rule that holds the house's layers (issue 14): which folders may import
// which. Each entry of the tables in ./boundaries/ says, for files whose repo path matches
// `importer`, which imports are refused: `target` is matched against the import resolved to a
// repo path (relative imports) or against the bare module name (packages).
import path from 'node:path';
import { dbDoor } from './boundaries/dbDoor.js';
import { layers } from './boundaries/layers.js';

/** @typedef {{ importer: RegExp, target: RegExp, allow?: RegExp, message: string }} Boundary */

/** @type {Boundary[]} */
const boundaries = [...dbDoor, ...layers];
const repoRoot = path.resolve(import.meta.dirname, '..');

/** @param {string} file @param {string} spec */
function targetOf(file, spec) {
  if (!spec.startsWith('.')) return spec;
  return path
    .relative(repoRoot, path.resolve(path.dirname(file), spec))
    .split(path.sep)
    .join('/');
}

/** @type {import('eslint').Rule.RuleModule} */
const rule = {
  meta: { type: 'problem', schema: [], docs: { description: 'Keep imports inside the layers the house sets' } },
  create(context) {
    const importer = path.relative(repoRoot, context.filename).split(path.sep).join('/');
    const active = boundaries.filter((b) => b.importer.test(importer) && !(b.allow && b.allow.test(importer)));
    if (active.length === 0) return {};
    /** @param {import('estree').Node | null | undefined} source */
    function check(source) {
      if (!source || source.type !== 'Literal' || typeof source.value !== 'string') return;
      const target = targetOf(context.filename, source.value);
      for (const b of active) {
        if (b.target.test(target)) context.report({ node: source, message: b.message });
      }
    }
    return {
      ImportDeclaration: (node) => check(node.source),
      ExportNamedDeclaration: (node) => check(node.source),
      ExportAllDeclaration: (node) => check(node.source),
      ImportExpression: (node) => check(node.source),
    };
  },
};

export const boundariesPlugin = { rules: { boundaries: rule } };
