import path from 'node:path';
import { type ESLint, Linter } from 'eslint';
import { describe, expect, it } from 'vitest';

/**
 * The renderer's rooms (issue 14 §4) as the lint rule holds them: eslint/boundaries/layers.js
 * read by the local rule in eslint/boundariesPlugin.js. Each case is one import from one file;
 * `refused` says whether `npm run lint` must report it.
 */
const repo = path.resolve(import.meta.dirname, '../..');

async function linter(): Promise<(file: string, spec: string) => string[]> {
  // A .js module without types: loaded by URL so the test project needs no allowJs.
  const mod = (await import(new URL('../../eslint/boundariesPlugin.js', import.meta.url).href)) as { boundariesPlugin: ESLint.Plugin };
  const config: Linter.Config[] = [
    {
      files: ['**/*.ts'],
      plugins: { youfu: mod.boundariesPlugin },
      rules: { 'youfu/boundaries': 'error' },
      languageOptions: { sourceType: 'module' },
    },
  ];
  const l = new Linter({ configType: 'flat' });
  return (file, spec) =>
    l.verify(`import { x } from '${spec}';\nexport { x };\n`, config, { filename: path.join(repo, file) }).map((m) => m.message);
}

const cases: { file: string; spec: string; refused: boolean }[] = [
  // A feature reaches another only through its index.ts; common/ is open to all.
  { file: 'renderer/features/sync/SyncPage.ts', spec: '../conflicts/ConflictsPanel', refused: true },
  { file: 'renderer/features/sync/SyncPage.ts', spec: '../conflicts', refused: false },
  { file: 'renderer/features/sync/SyncPage.ts', spec: '../conflicts/index', refused: false },
  { file: 'renderer/features/sync/SyncPage.ts', spec: './SyncRuntime', refused: false },
  { file: 'renderer/features/visit/VisitForm.ts', spec: '../common/RecipientPicker', refused: false },
  // common/ imports no feature.
  { file: 'renderer/features/common/OpenedName.ts', spec: '../visit', refused: true },
  // Features use the shell's services, not its screens.
  { file: 'renderer/features/today/TodayPage.ts', spec: '../../app/i18n', refused: false },
  { file: 'renderer/features/today/TodayPage.ts', spec: '../../app/DbProvider', refused: false },
  { file: 'renderer/features/today/TodayPage.ts', spec: '../../app/Shell', refused: true },
  { file: 'renderer/features/today/TodayPage.ts', spec: '../../app/start/demoAccounts', refused: true },
  // The shell and the bench take a feature through its index.ts only.
  { file: 'renderer/app/RouteView.ts', spec: '../features/today/TodayPage', refused: true },
  { file: 'renderer/app/RouteView.ts', spec: '../features/today', refused: false },
  { file: 'renderer/main.ts', spec: './features/visit/visitDraft', refused: true },
  { file: 'renderer/bench/localBench.ts', spec: '../features/today/useTodayItems', refused: true },
  // The lower rooms import neither features nor the shell.
  { file: 'renderer/platform/session.ts', spec: '../features/review', refused: true },
  { file: 'renderer/platform/desktopAuth.ts', spec: '../app/store', refused: true },
  { file: 'renderer/platform/session.ts', spec: '../sync/reviewClient', refused: false },
  { file: 'renderer/ui/DateText.ts', spec: '../features/common/dutyLabel', refused: true },
  { file: 'renderer/ui/DateText.ts', spec: '../app/i18n', refused: false },
  { file: 'renderer/db/queries.ts', spec: '../features/today', refused: true },
  { file: 'renderer/sync/engine.ts', spec: '../app/store', refused: true },
];

describe('the renderer layers lint rule', () => {
  it.each(cases)('$file importing $spec: refused $refused', async ({ file, spec, refused }) => {
    const messages = (await linter())(file, spec);
    if (refused) {
      expect(messages).toHaveLength(1);
      // Says what to do instead, not only what is wrong.
      expect(messages[0]).toMatch(/import from|Move|move|Pass|pass/);
    } else {
      expect(messages).toEqual([]);
    }
  });
});
