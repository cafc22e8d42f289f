import { defineStrings } from '../../app/i18n';

export const handoutStrings = defineStrings(
  {
    title: '登记帮扶',
    subtitle: '在服务站发放的帮扶和慰问（不随走访）：{name}',
    date: '发放日期',
    save: '保存帮扶',
    cancel: '取消',
    saved: '已登记帮扶 {n} 项',
    open: '登记帮扶',
  },
  {
    title: 'Record aid',
    subtitle: 'Aid handed out at the station, not on a visit: {name}',
    date: 'Handed out on',
    save: 'Save aid',
    cancel: 'Cancel',
    saved: '{n} aid item(s) recorded',
    open: 'Record aid',
  },
);
