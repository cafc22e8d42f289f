import { useCallback, useState } from 'react';
import type { DemoAccount } from '../../../shared/demo';
import type { LoadProgress } from '../../db/demoLoader';
import { type DemoLoadTick, loadDemoData } from './loadDemo';

export type DemoLoadState =
  | { kind: 'idle' }
  | { kind: 'loading'; tick: DemoLoadTick | null }
  | { kind: 'done'; result: LoadProgress }
  | { kind: 'failed'; message: string };

export function useDemoLoad() {
  const [state, setState] = useState<DemoLoadState>({ kind: 'idle' });
  const start = useCallback(
    async (account: DemoAccount, recipients: number, today: string, history = true, historyMonths?: number): Promise<boolean> => {
      setState({ kind: 'loading', tick: null });
      try {
        const result = await loadDemoData(account, recipients, today, (tick) => setState({ kind: 'loading', tick }), {
          history,
          historyMonths,
        });
        setState({ kind: 'done', result });
        return true;
      } catch (e) {
        setState({ kind: 'failed', message: e instanceof Error ? e.message : String(e) });
        return false;
      }
    },
    [],
  );
  return { state, start };
}
