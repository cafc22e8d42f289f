import { defineStrings } from '../i18n';

export const syncStrings = defineStrings(
  {
    title: '同步',
    subtitle: '把本机的修改交给服务器，并取回其他人的修改',
    notConnected: '尚未连接服务器',
    notConnectedHint: '现在使用的是本机演示数据。所有修改都安全地保存在这台电脑上，连接服务器后会自动同步。',
    pending: '待同步的修改',
    network: '网络',
    online: '在线',
    offline: '离线',
    oldest: '最早一条待同步修改',
    none: '无',
  },
  {
    title: 'Sync',
    subtitle: "Send this computer's changes to the server and fetch everyone else's",
    notConnected: 'Not connected to a server yet',
    notConnectedHint: 'You are working with local demo data. Every change is kept safely on this computer and will sync once a server is connected.',
    pending: 'Changes waiting to sync',
    network: 'Network',
    online: 'Online',
    offline: 'Offline',
    oldest: 'Oldest waiting change',
    none: 'None',
  },
);
