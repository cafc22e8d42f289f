import { defineStrings } from '../i18n';

export const loginStrings = defineStrings(
  {
    title: '登录',
    intro: '首次使用请联网登录；登录后即使断网也能继续工作，联网后自动同步。',
    username: '用户名',
    password: '密码',
    usernameRequired: '请输入用户名',
    passwordRequired: '请输入密码',
    signIn: '登录',
    demoHint:
      '本机演示服务器的账号：demo-caseworker（社区工作人员）、demo-hero（专责人员）、demo-supervisor（区级督导）、demo-admin（市级），密码均为 demo-pass。',
    offlineDemo: '没有服务器？在本机加载离线演示数据',
    failed: '登录失败',
  },
  {
    title: 'Sign in',
    intro: 'Sign in online the first time; after that you can keep working without a network, and changes sync when you are back online.',
    username: 'User name',
    password: 'Password',
    usernameRequired: 'Enter your user name',
    passwordRequired: 'Enter your password',
    signIn: 'Sign in',
    demoHint:
      'Accounts on the local demo server: demo-caseworker (station caseworker), demo-hero (dedicated staff), demo-supervisor (district supervisor), demo-admin (city); the password is demo-pass.',
    offlineDemo: 'No server? Load offline demo data on this computer',
    failed: 'Sign-in failed',
  },
);
