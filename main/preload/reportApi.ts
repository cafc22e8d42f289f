import type { AppApi } from '../../shared/ipc/appApi';
import type { Invoke } from './invoke';

export function createReportApi(invoke: Invoke): AppApi['report'] {
  return {
    printToPdf: (req) => invoke('report:printToPdf', req),
  };
}
