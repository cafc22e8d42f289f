import type { AppApi } from '../../shared/ipc/appApi';
import type { Invoke } from './invoke';

export function createAttachmentsApi(invoke: Invoke): AppApi['attachments'] {
  return {
    status: (req) => invoke('attachments:status', req),
    upload: (req) => invoke('attachments:upload', req),
    download: (req) => invoke('attachments:download', req),
  };
}
