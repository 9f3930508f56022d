/**
 * The layering rules fail on a wrong import: checked against the project's own configuration
 * (eslint.config.js) with files placed where a careless change would put them, and the cycle
 * rule on a pair of modules that import each other.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint, Linter } from 'eslint';
import tseslint from 'typescript-eslint';
import { afterAll, describe, expect, it } from 'vitest';
import { noCycleRule } from './noCycle.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const eslint = new ESLint({ cwd: ROOT });

async function problems(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(ROOT, filePath) });
  return result!.messages.filter((m) => m.ruleId?.startsWith('project/')).map((m) => m.message);
}

describe('layering by allow-list, with the project configuration', () => {
  it('refuses a feature of the renderer importing another feature', async () => {
    const found = await problems('renderer/src/supervisor/Probe.tsx', "import { TicketList } from '../operator/TicketList';\nexport const x = TicketList;\n");
    expect(found).toEqual([expect.stringMatching(/^Bad layering: renderer\/supervisor may not import renderer\/operator .*Allowed layers here: renderer\/common, renderer\/ui/)]);
  });

  it('refuses the contract depending on the rules above it, and shared code on Node', async () => {
    expect(await problems('shared/protocol/probe.ts', "import { dueAt } from '../domain/sla';\nexport const x = dueAt;\n")).toEqual([
      expect.stringMatching(/^Bad layering: shared\/protocol may not import shared\/domain/),
    ]);
    expect(await problems('shared/domain/probe.ts', "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n")).toEqual([
      expect.stringMatching(/^Bad layering: shared\/domain may not import the package node/),
    ]);
  });

  it('refuses electron in the hub and the hub in the renderer', async () => {
    expect(await problems('electron/hub/probe.ts', "import { app } from 'electron';\nexport const x = app;\n")).toEqual([expect.stringMatching(/may not import the package electron/)]);
    expect(await problems('renderer/src/operator/probe.ts', "import { startHub } from '../../../electron/hub/index';\nexport const x = startHub;\n")).toEqual([
      expect.stringMatching(/^Bad layering: renderer\/operator may not import hub/),
    ]);
  });

  it('lets a layer import what its entry allows', async () => {
    expect(await problems('renderer/src/operator/probe.ts', "import { formatIndian } from '../../../shared/domain/numbers';\nexport const x = formatIndian;\n")).toEqual([]);
    expect(await problems('electron/hub/probe.ts', "import { Server } from 'socket.io';\nimport { dueAt } from '../../shared/domain/sla';\nexport const x = [Server, dueAt];\n")).toEqual([]);
  });
});

describe('no import cycles', () => {
  const dir = mkdtempSync(join(tmpdir(), 'lint-cycle-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reports a pair of modules that import each other, and not a chain without a loop', () => {
    writeFileSync(join(dir, 'a.ts'), "import { b } from './b';\nexport const a = () => b;\n");
    writeFileSync(join(dir, 'b.ts'), "import type { a } from './a';\nexport const b = 1 as unknown as typeof a;\n");
    writeFileSync(join(dir, 'c.ts'), "import { b } from './b';\nexport const c = b;\n");
    const linter = new Linter({ cwd: dir });
    const config = [
      { files: ['**/*.ts'], languageOptions: { parser: tseslint.parser as Linter.Parser }, plugins: { project: { rules: { 'no-cycle': noCycleRule } } }, rules: { 'project/no-cycle': 'error' as const } },
    ];
    const lint = (name: string, code: string) => linter.verify(code, config, { filename: join(dir, name) }).map((m) => m.message);
    expect(lint('a.ts', "import { b } from './b';\nexport const a = () => b;\n")).toEqual(['Import cycle: a.ts → b.ts → a.ts. Move what both need into a module of its own.']);
    expect(lint('c.ts', "import { b } from './b';\nexport const c = b;\n")).toEqual([]);
  });
});
