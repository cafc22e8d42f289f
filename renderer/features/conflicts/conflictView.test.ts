import { describe, expect, it } from 'vitest';
import { conflictActions, formatConflictValue, formatFieldValue, recordHref } from './conflictView';
import { conflictsStrings, labelKey } from './strings';

const words = { yes: '是', no: '否', empty: '（空）' };

describe('formatConflictValue', () => {
  it('shows scalars as they are, booleans and empty values in words', () => {
    expect(formatConflictValue('园岭新村 12 栋', words).text).toBe('园岭新村 12 栋');
    expect(formatConflictValue(3, words).text).toBe('3');
    expect(formatConflictValue(true, words).text).toBe('是');
    expect(formatConflictValue(false, words).text).toBe('否');
    for (const v of [null, undefined, '', [], {}]) expect(formatConflictValue(v, words).text).toBe('（空）');
  });

  it('joins lists and writes objects as key: value pairs, compactly and in full (phones unmasked)', () => {
    expect(formatConflictValue(['13800138000', '0755-12345678'], words).text).toBe('13800138000、0755-12345678');
    expect(formatConflictValue({ health: 'good', living: null }, words).text).toBe('health: good, living: （空）');
    expect(formatConflictValue([{ name: '李四', relation: '儿子', phones: ['13900139000'] }], words).text).toBe(
      '{name: 李四, relation: 儿子, phones: [13900139000]}',
    );
  });

  it('cuts long values with … and keeps the full text for the tooltip', () => {
    const long = '很'.repeat(300);
    const f = formatConflictValue(long, words, 10);
    expect(f).toEqual({ text: `${'很'.repeat(9)}…`, full: long, truncated: true });
    expect([...f.text]).toHaveLength(10);
  });

  it('shows fen amounts in yuan', () => {
    expect(formatFieldValue('amountFen', 50000, words).text).toBe('¥500.00');
    expect(formatFieldValue('amountFen', null, words).text).toBe('（空）');
    expect(formatFieldValue('address', 50000, words).text).toBe('50000');
  });
});

describe('conflictActions', () => {
  it('offers both actions on an open conflict of an ordinary field', () => {
    expect(conflictActions({ status: 'open', table: 'recipients', field: 'phones' })).toEqual({
      keepWinner: true,
      restoreLoser: true,
      restoreRefusal: null,
    });
  });

  it('offers nothing on a resolved conflict', () => {
    expect(conflictActions({ status: 'resolved', table: 'recipients', field: 'phones' })).toEqual({
      keepWinner: false,
      restoreLoser: false,
      restoreRefusal: 'resolved',
    });
  });

  it('never restores server-stamped fields or unknown tables, but still lets the winner be kept', () => {
    for (const field of ['id', 'rev', 'updatedAt']) {
      expect(conflictActions({ status: 'open', table: 'visits', field })).toEqual({
        keepWinner: true,
        restoreLoser: false,
        restoreRefusal: 'field_not_restorable',
      });
    }
    expect(conflictActions({ status: 'open', table: 'photos', field: 'x' }).restoreRefusal).toBe('table_unknown');
  });
});

describe('recordHref', () => {
  it('links a recipient to itself and a child row to its recipient when this device holds it', () => {
    expect(recordHref({ table: 'recipients', rowId: 'r1' }, undefined)).toBe('#/recipients/r1');
    expect(recordHref({ table: 'visits', rowId: 'v1' }, { id: 'v1', recipientId: 'r2' })).toBe('#/recipients/r2');
    expect(recordHref({ table: 'visits', rowId: 'v1' }, undefined)).toBeNull();
    expect(recordHref({ table: 'staff', rowId: 's1' }, { id: 's1', name: '王' })).toBeNull();
  });
});

describe('conflict strings', () => {
  it('has zh and en for every key, and English without Chinese', () => {
    expect(Object.keys(conflictsStrings.en).sort()).toEqual(Object.keys(conflictsStrings.zh).sort());
    for (const [k, v] of Object.entries(conflictsStrings.en)) expect(/[\u4e00-\u9fff]/.test(v), k).toBe(false);
  });

  it('labels every field of the synced tables that a caseworker edits', () => {
    for (const f of ['phones', 'address', 'healthNotes', 'notes', 'amountFen', 'status', 'description'])
      expect(labelKey('field_', f), f).not.toBeNull();
    expect(labelKey('field_', 'noSuchField')).toBeNull();
    expect(labelKey('table_', 'dutyOccurrences')).toBe('table_dutyOccurrences');
  });
});
