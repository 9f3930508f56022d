/**
 * No import cycles between the project's modules, type-only imports included: a cycle means
 * two modules are one module in two files, and the layers above them cannot be read apart.
 * The module graph is read from the files on disk once per run (imports found by a plain
 * scan, relative specifiers resolved as the bundlers do), and the file being linted is
 * reported at the import that leads back to it.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, relative, resolve, sep } from 'node:path';

const EXTENSIONS = ['', '.ts', '.tsx', '.mjs', '.js', '/index.ts', '/index.tsx'];
const IMPORT = /(?:^|[\s;])(?:import|export)\s(?:[^'"]*?\sfrom\s*)?['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

function resolveSpec(from, spec) {
  if (!spec.startsWith('.')) return null;
  const base = resolve(dirname(from), spec);
  for (const ext of EXTENSIONS) {
    const candidate = base + ext;
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return null;
}

const graphCache = new Map();

function importsOf(file, text) {
  if (text === undefined && graphCache.has(file)) return graphCache.get(file);
  let source = text;
  if (source === undefined) {
    try {
      source = readFileSync(file, 'utf8');
    } catch {
      source = '';
    }
  }
  // Comments may quote imports; drop them before scanning.
  const code = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:])\/\/.*$/gm, '$1');
  const found = [];
  for (const m of code.matchAll(IMPORT)) {
    const target = resolveSpec(file, m[1] ?? m[2]);
    if (target) found.push({ spec: m[1] ?? m[2], target });
  }
  if (text === undefined) graphCache.set(file, found);
  return found;
}

/** A path of modules from `start` back to `goal`, or null. */
function pathBack(start, goal) {
  const seen = new Set([start]);
  const stack = [[start, [start]]];
  while (stack.length > 0) {
    const [file, path] = stack.pop();
    for (const { target } of importsOf(file)) {
      if (target === goal) return path;
      if (!seen.has(target)) {
        seen.add(target);
        stack.push([target, [...path, target]]);
      }
    }
  }
  return null;
}

export const noCycleRule = {
  meta: {
    type: 'problem',
    docs: { description: 'Modules of the project may not import each other in a cycle.' },
    schema: [],
    messages: { cycle: 'Import cycle: {{cycle}}. Move what both need into a module of its own.' },
  },
  create(context) {
    const file = context.filename;
    return {
      Program() {
        const here = importsOf(file, context.sourceCode.text);
        for (const { spec, target } of here) {
          if (target === file) continue;
          const back = pathBack(target, file);
          if (!back) continue;
          const node = context.sourceCode.ast.body.find((n) => n.source?.value === spec) ?? context.sourceCode.ast;
          const names = [file, ...back, file].map((f) => relative(context.cwd, f).split(sep).join('/'));
          context.report({ node, messageId: 'cycle', data: { cycle: names.join(' → ') } });
        }
      },
    };
  },
};
