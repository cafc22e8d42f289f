import { defineStrings } from '../i18n';

export const lockStrings = defineStrings(
  {
    locked: '已锁定',
    intro: '为保护优抚对象信息，工作台已锁定。请输入密码解锁（无需联网）。',
    password: '密码',
    passwordRequired: '请输入密码',
    unlock: '解锁',
    failed: '解锁失败',
    wrongPassword: '密码不正确',
    lockedOut: '密码错误次数过多，请稍后再试',
    unavailable: '本机尚未联网登录过此账号，请退出后联网登录',
    signOut: '退出登录（未同步的修改会保留）',
    lock: '锁定',
    lockTip: '锁定工作台，离开时保护数据',
  },
  {
    locked: 'Locked',
    intro: 'The desk is locked to protect personal data. Enter your password to unlock (no network needed).',
    password: 'Password',
    passwordRequired: 'Enter your password',
    unlock: 'Unlock',
    failed: 'Could not unlock',
    wrongPassword: 'Wrong password',
    lockedOut: 'Too many wrong passwords; try again later',
    unavailable: 'This account has not signed in online on this computer; sign out and sign in online',
    signOut: 'Sign out (unsynced changes are kept)',
    lock: 'Lock',
    lockTip: 'Lock the desk while you are away',
  },
);
