import type { AppApi } from '../../shared/ipc/appApi';
import { createAppInfoApi } from './appInfoApi';
import { createAttachmentsApi } from './attachmentsApi';
import { createAuthApi } from './authApi';
import { createBackupApi } from './backupApi';
import { createConflictsApi } from './conflictsApi';
import { createReviewApi } from './reviewApi';
import { createDbApi } from './dbApi';
import { type IpcRendererLike, createInvoke, createSubscribe } from './invoke';
import { createNotificationsApi } from './notificationsApi';
import { createReportApi } from './reportApi';
import { createLogApi, createShellApi } from './shellApi';
import { createSyncApi } from './syncApi';

/**
 * `window.app`: one narrow object composed from per-feature modules. Frozen (and copied by
 * contextBridge anyway) so page script cannot swap a method for one that leaks arguments.
 */
export function createAppApi(ipc: IpcRendererLike): AppApi {
  const invoke = createInvoke(ipc);
  const subscribe = createSubscribe(ipc);
  const api = {
    auth: Object.freeze(createAuthApi(invoke, subscribe)),
    db: Object.freeze(createDbApi(invoke)),
    sync: Object.freeze(createSyncApi(invoke)),
    app: Object.freeze(createAppInfoApi(invoke)),
    shell: Object.freeze(createShellApi(invoke)),
    log: Object.freeze(createLogApi(invoke)),
    conflicts: Object.freeze(createConflictsApi(invoke)),
    backup: Object.freeze(createBackupApi(invoke)),
    review: Object.freeze(createReviewApi(invoke)),
    report: Object.freeze(createReportApi(invoke)),
    attachments: Object.freeze(createAttachmentsApi(invoke)),
    notifications: Object.freeze(createNotificationsApi(invoke, subscribe)),
  } as const satisfies AppApi;
  return Object.freeze(api);
}
