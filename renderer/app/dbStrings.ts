import { defineStrings } from './i18n';

/** Strings of opening the account's encrypted local database. */
export const dbStrings = defineStrings(
  {
    sealing: '正在加密本机已有数据（仅首次）…',
    keysLocked: '应用已锁定，请先解锁',
    signInAgain: '请重新登录以打开本机数据',
    signInAgainHint: '本机数据已加密，密钥只在登录后解开。',
    keysUnavailable: '无法取得本机数据的密钥',
    keysMismatch: '本机数据的密钥不匹配',
    keysMismatchHint:
      '这份本机数据是用另一把密钥加密的（例如系统钥匙串被重置，或密码已在其他地方修改）。数据没有被改动或删除；可从备份恢复，或联系管理员。',
    backToSignIn: '重新登录',
  },
  {
    sealing: 'Encrypting the data already on this computer (first time only)…',
    keysLocked: 'The app is locked; unlock it first',
    signInAgain: 'Sign in again to open the data on this computer',
    signInAgainHint: 'The local data is encrypted; its keys are opened only at sign-in.',
    keysUnavailable: 'The keys of the local data are not available',
    keysMismatch: "The local data's keys do not match",
    keysMismatchHint:
      'This local data was encrypted with another key (the system keychain was reset, or the password was changed elsewhere). Nothing was changed or deleted; restore from a backup or ask your administrator.',
    backToSignIn: 'Sign in again',
  },
);
