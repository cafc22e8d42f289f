import type { IpcChannel } from './channels';
import type { AuthStatus, IpcRequest, IpcResponse } from './contract';
import type { IpcResult } from './errors';

type Answer<C extends IpcChannel> = Promise<IpcResult<IpcResponse<C>>>;

/**
 * The shape of `window.app`, the only bridge the preload exposes. Kept here (not in the
 * preload) so the renderer can declare `window.app: AppApi` without importing main/.
 * Every method answers with a value; none throws.
 */
export interface AppApi {
  readonly auth: {
    login(req: IpcRequest<'auth:login'>): Answer<'auth:login'>;
    logout(): Answer<'auth:logout'>;
    unlock(req: IpcRequest<'auth:unlock'>): Answer<'auth:unlock'>;
    lock(): Answer<'auth:lock'>;
    status(): Answer<'auth:status'>;
    /** Main locked or signed out on its own (idle, system suspend, menu); returns an unsubscribe. */
    onChanged(listener: (status: AuthStatus) => void): () => void;
  };
  /** The open account's local database keys; only while unlocked (else a `locked` error). */
  readonly db: {
    keys(): Answer<'db:keys'>;
  };
  readonly sync: {
    push(req: IpcRequest<'sync:push'>): Answer<'sync:push'>;
    pull(req: IpcRequest<'sync:pull'>): Answer<'sync:pull'>;
  };
  readonly app: {
    info(): Answer<'app:info'>;
    setLocale(locale: IpcRequest<'app:setLocale'>['locale']): Answer<'app:setLocale'>;
    /** Minutes of inactivity before the window locks (1–240). */
    setAutoLock(minutes: number): Answer<'app:setAutoLock'>;
  };
  readonly shell: {
    openExternal(url: string): Answer<'shell:openExternal'>;
  };
  readonly log: {
    openFolder(): Answer<'log:openFolder'>;
  };
  /** The supervisors' conflict review on the server, with main's token. */
  readonly conflicts: {
    list(req: IpcRequest<'conflicts:list'>): Answer<'conflicts:list'>;
    resolve(req: IpcRequest<'conflicts:resolve'>): Answer<'conflicts:resolve'>;
  };
  /** The supervisors' weekly review figures and cross-station data checks from the server. */
  readonly review: {
    get(req: IpcRequest<'review:get'>): Answer<'review:get'>;
    duplicates(): Answer<'review:duplicates'>;
  };
  /** The daily backup of the signed-in account's database into a chosen folder. */
  readonly backup: {
    status(): Answer<'backup:status'>;
    chooseFolder(): Answer<'backup:chooseFolder'>;
    configure(req: IpcRequest<'backup:configure'>): Answer<'backup:configure'>;
    write(req: IpcRequest<'backup:write'>): Answer<'backup:write'>;
  };
  /** Attachment bytes up and down (issue 15), with main's token; an upload of a part resumes where a cut-off one stopped. */
  readonly attachments: {
    status(req: IpcRequest<'attachments:status'>): Answer<'attachments:status'>;
    upload(req: IpcRequest<'attachments:upload'>): Answer<'attachments:upload'>;
    download(req: IpcRequest<'attachments:download'>): Answer<'attachments:download'>;
  };
  /** Desktop notifications shown by main (the morning reminder); web content has no Notification permission. */
  readonly notifications: {
    show(req: IpcRequest<'notifications:show'>): Answer<'notifications:show'>;
    /** The person clicked a notification main showed; returns an unsubscribe. */
    onClicked(listener: () => void): () => void;
  };
  /** The printable weekly report. */
  readonly report: {
    printToPdf(req: IpcRequest<'report:printToPdf'>): Answer<'report:printToPdf'>;
  };
}
