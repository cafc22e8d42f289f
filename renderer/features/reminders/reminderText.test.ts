import { describe, expect, it } from 'vitest';
import type { MorningDigest } from '../../../shared/reminders/morningDigest';
import { reminderText } from './reminderText';

const quiet: MorningDigest = {
  today: '2026-11-28',
  duties: { overdue: 0, dueToday: 0 },
  heroes: { overdue: 0, dueToday: 0 },
  overdueRequests: 0,
  birthdaysAhead: { total: 0, lunar: 0 },
  festivalsAhead: [],
};

describe('reminderText', () => {
  it('puts the heroes’ counts first and leaves out what has nothing to say', () => {
    const text = reminderText(
      { ...quiet, duties: { overdue: 12, dueToday: 3 }, heroes: { overdue: 2, dueToday: 0 }, overdueRequests: 4 },
      'zh',
    );
    expect(text).toEqual({ title: '今日待办：逾期 12 项，今天到期 3 项', body: '英雄 2 项逾期\n逾期诉求 4 件' });
  });

  it('names the greetings ahead: lunar birthdays, festivals tomorrow or in a few days', () => {
    const d: MorningDigest = {
      ...quiet,
      birthdaysAhead: { total: 2, lunar: 1 },
      festivalsAhead: [
        { festival: 'army_day', date: '2026-11-29', count: 1 },
        { festival: 'mid_autumn', date: '2026-12-01', count: 5 },
      ],
    };
    expect(reminderText(d, 'zh')).toEqual({
      title: '今日没有逾期或今天到期的服务任务',
      body: '3 天内：生日慰问 2 项（农历 1 项），八一建军节慰问 1 项（明天），中秋节慰问 5 项（3 天后）',
    });
    expect(reminderText(d, 'en').body).toBe(
      'Next 3 days: 2 birthday greetings (1 lunar), Army Day (8-1) greeting ×1 (tomorrow), Mid-Autumn Festival greeting ×5 (in 3 days)',
    );
  });

  it('writes the heroes’ line in English too', () => {
    const text = reminderText({ ...quiet, duties: { overdue: 1, dueToday: 1 }, heroes: { overdue: 1, dueToday: 1 } }, 'en');
    expect(text).toEqual({ title: 'Today: 1 overdue, 1 due today', body: 'Heroes: 1 overdue, 1 due today' });
  });
});
