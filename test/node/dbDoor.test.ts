import path from 'node:path';
import { type ESLint, Linter } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';

/**
 * One door to the local database (issue 14 §2) as the lint rule holds it: eslint/boundaries/dbDoor.js
 * read by the local rule in eslint/boundariesPlugin.js. Each case is one import from one file;
 * `refused` says whether `npm run lint` must report it.
 */
const repo = path.resolve(import.meta.dirname, '../..');

async function linter(): Promise<(file: string, code: string) => string[]> {
  // A .js module without types: loaded by URL so the test project needs no allowJs. TypeScript's
  // parser, so that `import type` is read as the app writes it.
  const mod = (await import(new URL('../../eslint/boundariesPlugin.js', import.meta.url).href)) as { boundariesPlugin: ESLint.Plugin };
  const config: Linter.Config[] = [
    {
      files: ['**/*.ts'],
      plugins: { youfu: mod.boundariesPlugin },
      rules: { 'youfu/boundaries': 'error' },
      languageOptions: { parser: tseslint.parser, sourceType: 'module' },
    },
  ];
  const l = new Linter({ configType: 'flat' });
  return (file, code) => l.verify(code, config, { filename: path.join(repo, file) }).map((m) => m.message);
}

const importing = (spec: string) => `import { x } from '${spec}';\nexport { x };\n`;

const cases: { file: string; code: string; refused: boolean }[] = [
  // Dexie and its React hooks: renderer/db/ only.
  { file: 'renderer/features/x/y.ts', code: importing('dexie'), refused: true },
  { file: 'renderer/features/x/y.ts', code: importing('dexie-react-hooks'), refused: true },
  { file: 'renderer/app/DbProvider.ts', code: importing('dexie'), refused: true },
  { file: 'renderer/sync/engine.ts', code: importing('dexie'), refused: true },
  { file: 'renderer/db/live.ts', code: importing('dexie-react-hooks'), refused: false },
  { file: 'renderer/db/queries/today.ts', code: importing('dexie'), refused: false },
  // The database object and its transactions, even for a type, and even re-exported.
  { file: 'renderer/features/x/y.ts', code: importing('../../db/database'), refused: true },
  {
    file: 'renderer/features/x/y.ts',
    code: "import type { YoufuDb } from '../../db/database';\nexport type { YoufuDb };\n",
    refused: true,
  },
  { file: 'renderer/features/x/y.ts', code: "export { bound } from '../../db/database';\n", refused: true },
  { file: 'renderer/platform/session.ts', code: importing('../db/database'), refused: true },
  { file: 'renderer/sync/clockRepair.ts', code: importing('../db/atRest/txWait'), refused: true },
  { file: 'test/node/syncClient.ts', code: importing('../../renderer/db/database'), refused: true },
  { file: 'test/node/syncClient.ts', code: importing('dexie'), refused: true },
  // What the door offers is open to all.
  { file: 'renderer/features/x/y.ts', code: importing('../../db/queries/today'), refused: false },
  { file: 'renderer/features/x/y.ts', code: importing('../../db/live'), refused: false },
  { file: 'renderer/features/x/y.ts', code: "import type { YoufuDb } from '../../db/handle';\nexport type { YoufuDb };\n", refused: false },
  { file: 'renderer/sync/engine.ts', code: importing('../db/outboxRepository'), refused: false },
  // renderer/db/ itself and its tests, and the bench that measures it.
  { file: 'renderer/db/repository.ts', code: importing('./database'), refused: false },
  { file: 'renderer/db/queries/caseload.test.ts', code: importing('../database'), refused: false },
  { file: 'renderer/bench/syncBench.ts', code: importing('../db/database'), refused: false },
];

describe('the one-door-to-the-database lint rule', () => {
  it.each(cases)('$file: $code refused $refused', async ({ file, code, refused }) => {
    const messages = (await linter())(file, code);
    if (refused) {
      expect(messages).toHaveLength(1);
      // Says where to go instead, not only what is wrong.
      expect(messages[0]).toMatch(/renderer\/db\/(queries|handle|live)/);
    } else {
      expect(messages).toEqual([]);
    }
  });
});
