import { describe, expect, it } from 'vitest';
import { detailText } from './rejectionText';

const labels: Record<string, string> = { phones: '电话', stationCode: '所属服务站' };
const messages: Record<string, string> = { phone_format: '电话号码格式不正确' };
const field = (n: string) => labels[n] ?? n;
const message = (c: string) => messages[c] ?? null;

describe('detailText', () => {
  it.each([
    ['phones.0: phone_format', 'zh', '电话：电话号码格式不正确'],
    ['phones.0: phone_format; stationCode: parent_out_of_scope', 'zh', '电话：电话号码格式不正确；所属服务站：parent_out_of_scope'],
    ['stationCode: parent_out_of_scope', 'en', '所属服务站: parent_out_of_scope'],
  ] as const)('%s (%s)', (detail, locale, expected) => {
    expect(detailText(detail, field, message, locale)).toBe(expected);
  });
});
