/**
 * The IPC channel names, kept free of zod so the sandboxed preload can import them without
 * bundling the schemas (the preload does no validation: main validates every payload).
 */
export const IPC_CHANNELS = [
  'auth:login',
  'auth:logout',
  'auth:unlock',
  'auth:lock',
  'auth:status',
  'db:keys',
  'sync:push',
  'sync:pull',
  'app:info',
  'app:setLocale',
  'app:setAutoLock',
  'shell:openExternal',
  'log:openFolder',
  'conflicts:list',
  'conflicts:resolve',
  'backup:status',
  'backup:chooseFolder',
  'backup:configure',
  'backup:write',
  'review:get',
  'review:duplicates',
  'report:printToPdf',
  'attachments:status',
  'attachments:upload',
  'attachments:download',
  'notifications:show',
] as const;
export type IpcChannel = (typeof IPC_CHANNELS)[number];

/** Messages main sends to the renderer unasked (the lock after idle or a system suspend, a notification clicked). */
export const IPC_EVENTS = ['auth:changed', 'notifications:clicked'] as const;
export type IpcEvent = (typeof IPC_EVENTS)[number];
