/**
 * Layering by allow-list: every folder of the project is a layer, and a layer may import only
 * the layers and packages its entry names. A new import is wrong unless the layer may use it,
 * so a feature cannot quietly start depending on another one, and shared code cannot start
 * depending on Node, the DOM or Electron.
 *
 * Options: `{ layers: [{ name, paths: ['folder/', ...], allow: ['layer', ...], packages: ['zod', 'node', '*', ...],
 * testPackages: [...] }] }`; `testPackages` are allowed in the layer's unit tests (`*.test.ts`) as well.
 * A file belongs to the layer with the longest matching path; imports of a file's own layer
 * are always allowed. `node` stands for Node's built-in modules.
 */
import { builtinModules } from 'node:module';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';

const BUILTINS = new Set(builtinModules);

function posix(p) {
  return p.split(sep).join('/');
}

function layerOf(layers, file) {
  let best = null;
  for (const layer of layers) {
    for (const path of layer.paths) {
      if ((file === path || file.startsWith(path)) && (!best || path.length > best.path.length)) best = { layer, path };
    }
  }
  return best?.layer ?? null;
}

function packageOf(spec) {
  if (spec.startsWith('node:') || BUILTINS.has(spec.split('/')[0])) return 'node';
  const parts = spec.split('/');
  return spec.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

export const layersRule = {
  meta: {
    type: 'problem',
    docs: { description: 'Each folder may import only the layers and packages its allow-list names.' },
    schema: [{ type: 'object', properties: { layers: { type: 'array' } }, required: ['layers'], additionalProperties: false }],
    messages: {
      layer: 'Bad layering: {{from}} may not import {{to}} ({{spec}}). Allowed layers here: {{allowed}}.',
      pkg: 'Bad layering: {{from}} may not import the package {{pkg}}. Allowed packages here: {{allowed}}.',
      outside: 'Bad layering: {{spec}} is outside every layer; {{from}} may not import it.',
    },
  },
  create(context) {
    const { layers } = context.options[0];
    const cwd = context.cwd;
    const file = posix(relative(cwd, context.filename));
    const own = layerOf(layers, file);
    if (!own) return {};

    function check(node, spec) {
      if (typeof spec !== 'string') return;
      if (spec.startsWith('.') || isAbsolute(spec)) {
        const target = posix(relative(cwd, resolve(dirname(context.filename), spec)));
        const to = layerOf(layers, target) ?? layerOf(layers, `${target}/`);
        if (!to) return context.report({ node, messageId: 'outside', data: { spec, from: own.name } });
        if (to === own || own.allow.includes('*') || own.allow.includes(to.name)) return;
        context.report({ node, messageId: 'layer', data: { from: own.name, to: to.name, spec, allowed: own.allow.join(', ') || 'none' } });
        return;
      }
      const pkg = packageOf(spec);
      const isTest = /\.test\.tsx?$/.test(file);
      const allowed = [...(own.packages ?? []), ...(isTest ? (own.testPackages ?? []) : [])];
      if (allowed.includes('*') || allowed.includes(pkg)) return;
      context.report({ node, messageId: 'pkg', data: { from: own.name, pkg, allowed: allowed.join(', ') || 'none' } });
    }

    return {
      ImportDeclaration: (n) => check(n.source, n.source.value),
      ExportAllDeclaration: (n) => check(n.source, n.source.value),
      ExportNamedDeclaration: (n) => n.source && check(n.source, n.source.value),
      ImportExpression: (n) => n.source.type === 'Literal' && check(n.source, n.source.value),
    };
  },
};
