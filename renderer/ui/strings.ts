import { defineStrings } from '../app/i18n';

/** Strings of the shared UI pieces (badges, tags, masked values). */
export const uiStrings = defineStrings(
  {
    hero: '英雄',
    heroTip: '战斗英雄、一等功臣：专责人员一对一服务',
    overdueDays: '逾期 {days} 天',
    dueToday: '今天到期',
    dueInDays: '{days} 天后到期',
    upcomingDays: '{days} 天后',
    done: '已完成',
    cancelled: '已取消',
    reveal: '显示完整号码',
    hide: '隐藏',
    grade: '{grade}级',
    formErrorTitle: '请检查填写的内容',
  },
  {
    hero: 'Hero',
    heroTip: 'Combat hero or first-class merit holder: one-on-one service by dedicated staff',
    overdueDays: '{days} d overdue',
    dueToday: 'Due today',
    dueInDays: 'Due in {days} d',
    upcomingDays: 'In {days} d',
    done: 'Done',
    cancelled: 'Cancelled',
    reveal: 'Show the full number',
    hide: 'Hide',
    grade: 'grade {grade}',
    formErrorTitle: 'Please check these fields',
  },
);
