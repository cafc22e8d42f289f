// @ts-check
// Issue 14 §4: the renderer's rooms.
//   renderer/app/       the shell: routing, layout, providers, lock, login, start; and the few
//                       shell services features use (SHELL_SERVICES below).
//   renderer/features/  one folder per screen; its index.ts is its public entry.
//   renderer/features/common/  the features' shared toolbox.
//   renderer/ui/, platform/, db/, sync/  below the features: they never import a feature.
import fs from 'node:fs';
import path from 'node:path';

/** @typedef {import('../boundariesPlugin.js').Boundary} Boundary */

const featuresDir = path.resolve(import.meta.dirname, '../../renderer/features');

/** Every feature folder except the shared toolbox; read from disk so a new screen is held too. */
const features = fs
  .readdirSync(featuresDir, { withFileTypes: true })
  .filter((e) => e.isDirectory() && e.name !== 'common')
  .map((e) => e.name);

/** The shell's modules a feature may use; the rest of renderer/app/ is the shell's own. */
const SHELL_SERVICES = [
  'i18n',
  'DbProvider',
  'router',
  'store',
  'useOnline',
  'useScopePrefix',
  'useShortcuts',
  'useStaffById',
  'useToday',
  'version',
  'localDemo',
];

/** @param {string} s */
const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** @type {Boundary[]} */
const featureInsides = features.map((feature) => ({
  importer: new RegExp(`^renderer/features/${escape(feature)}/`),
  target: new RegExp(`^renderer/features/(?!${escape(feature)}/|common/)[^/]+/(?!index$)`),
  message:
    `A feature uses another feature only through its public entry: import from 'renderer/features/<name>' (its index.ts). ` +
    'Export what you need from that index.ts, or move it to renderer/features/common/ if several features share it.',
}));

/** @type {Boundary[]} */
export const layers = [
  ...featureInsides,
  {
    importer: /^renderer\/features\/common\//,
    target: /^renderer\/features\/(?!common\/)/,
    message:
      'renderer/features/common/ is the toolbox every feature may use, so it must not import a feature. ' +
      'Move the shared piece into common/, or keep the code in the feature that needs it.',
  },
  {
    importer: /^renderer\/features\//,
    target: new RegExp(`^renderer/app/(?!(${SHELL_SERVICES.map(escape).join('|')})$)`),
    message:
      `A feature may use only the shell's services from renderer/app/ (${SHELL_SERVICES.join(', ')}), not its screens or layout. ` +
      'Move what the feature needs into renderer/features/common/ (or into a shell service, and list it in eslint/boundaries/layers.js).',
  },
  {
    importer: /^renderer\/features\//,
    target: /^renderer\/(bench\/|main$)/,
    message:
      'Features do not import the entry points (renderer/main.tsx, renderer/bench/): move the shared code into the feature or renderer/features/common/.',
  },
  {
    importer: /^renderer\/(app\/|bench\/|main\.tsx?$)/,
    target: /^renderer\/features\/[^/]+\/(?!index$)/,
    message:
      "The shell and the bench use a feature only through its public entry: import from 'renderer/features/<name>' (its index.ts), " +
      'and export what you need from there. renderer/features/common/ is for features, not for the shell.',
  },
  {
    importer: /^renderer\/platform\//,
    target: /^renderer\/(features|app|bench)\//,
    message:
      'renderer/platform/ sits below the shell and the features: it must not import them. ' +
      'Move the shared code down (into platform/, sync/ or db/), or let the caller pass it in (a callback or a parameter).',
  },
  {
    importer: /^renderer\/ui\//,
    target: /^renderer\/features\//,
    message:
      'renderer/ui/ holds presentational pieces every screen may use: it must not import a feature. Pass the data in as props instead.',
  },
  {
    importer: /^renderer\/(db|sync)\//,
    target: /^renderer\/(features|app|bench)\//,
    message:
      'renderer/db/ and renderer/sync/ sit below the shell and the features: they must not import them. ' +
      'Move the shared code down into db/ or sync/, or let the caller pass it in.',
  },
];
