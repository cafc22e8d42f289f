import { describe, expect, it } from 'vitest';
import type { FieldVersions, MergeMutation, ServerRowState } from './merge';
import { jsonEqual } from '../jsonEqual';
import { mergeMutation } from './merge';

const H = (ms: number, node: string) => `${String(ms).padStart(16, '0')}-0000-${node}`;

const server: ServerRowState = {
  data: { name: '张三', phone: '13800138000', address: '旧址', tags: ['a'] },
  fieldVersions: {
    name: { rev: 1, hlc: H(100, 'aaa'), client: 'c-a' },
    phone: { rev: 3, hlc: H(300, 'bbb'), client: 'c-b' },
    address: { rev: 2, hlc: H(200, 'aaa'), client: 'c-a' },
  } satisfies FieldVersions,
};

interface Case {
  name: string;
  mutation: MergeMutation;
  data: Record<string, unknown>;
  changed: string[];
  conflicts: { field: string; winner: 'client' | 'server'; loserValue: unknown }[];
  concurrent: boolean;
}

const cases: Case[] = [
  {
    name: 'an edit on top of the latest revision applies without conflict',
    mutation: { fields: { phone: '13900139000' }, baseRev: 3, hlc: H(400, 'ccc'), clientId: 'c-c' },
    data: { ...server.data, phone: '13900139000' },
    changed: ['phone'],
    conflicts: [],
    concurrent: false,
  },
  {
    name: 'a field someone else changed after baseRev: the later HLC (client) wins, the server value loses',
    mutation: { fields: { phone: '13900139000' }, baseRev: 2, hlc: H(500, 'ccc'), clientId: 'c-c' },
    data: { ...server.data, phone: '13900139000' },
    changed: ['phone'],
    conflicts: [{ field: 'phone', winner: 'client', loserValue: '13800138000' }],
    concurrent: true,
  },
  {
    name: 'a field someone else changed later than the client edit: the server keeps it, the client value loses',
    mutation: { fields: { phone: '13900139000' }, baseRev: 2, hlc: H(250, 'ccc'), clientId: 'c-c' },
    data: server.data,
    changed: [],
    conflicts: [{ field: 'phone', winner: 'server', loserValue: '13900139000' }],
    concurrent: true,
  },
  {
    name: 'same millisecond and counter: the node id breaks the tie, the same way everywhere',
    mutation: { fields: { phone: '13900139000' }, baseRev: 2, hlc: H(300, 'aaa'), clientId: 'c-c' },
    data: server.data,
    changed: [],
    conflicts: [{ field: 'phone', winner: 'server', loserValue: '13900139000' }],
    concurrent: true,
  },
  {
    name: 'same millisecond, the client node sorts later: the client wins',
    mutation: { fields: { phone: '13900139000' }, baseRev: 2, hlc: H(300, 'ccc'), clientId: 'c-c' },
    data: { ...server.data, phone: '13900139000' },
    changed: ['phone'],
    conflicts: [{ field: 'phone', winner: 'client', loserValue: '13800138000' }],
    concurrent: true,
  },
  {
    name: 'disjoint fields merge silently even though the row moved on',
    mutation: { fields: { address: '新址' }, baseRev: 2, hlc: H(250, 'ccc'), clientId: 'c-c' },
    data: { ...server.data, address: '新址' },
    changed: ['address'],
    conflicts: [],
    concurrent: true,
  },
  {
    name: 'both sides set the same value: no conflict, nothing changes',
    mutation: { fields: { phone: '13800138000' }, baseRev: 1, hlc: H(250, 'ccc'), clientId: 'c-c' },
    data: server.data,
    changed: [],
    conflicts: [],
    concurrent: true,
  },
  {
    name: "a client's own earlier write is not a conflict with its next edit",
    mutation: { fields: { phone: '13700137000' }, baseRev: 1, hlc: H(350, 'bbb'), clientId: 'c-b' },
    data: { ...server.data, phone: '13700137000' },
    changed: ['phone'],
    conflicts: [],
    concurrent: true,
  },
  {
    name: 'equal arrays and objects compare by value',
    mutation: { fields: { tags: ['a'] }, baseRev: 3, hlc: H(400, 'ccc'), clientId: 'c-c' },
    data: server.data,
    changed: [],
    conflicts: [],
    concurrent: false,
  },
  {
    name: 'a field without a version (written by the server itself) is never a conflict',
    mutation: { fields: { tags: ['b'] }, baseRev: 0, hlc: H(50, 'ccc'), clientId: 'c-c' },
    data: { ...server.data, tags: ['b'] },
    changed: ['tags'],
    conflicts: [],
    concurrent: true,
  },
];

describe('mergeMutation', () => {
  it.each(cases)('$name', (c) => {
    const r = mergeMutation(server, c.mutation, 4);
    expect({ ...r.data }).toEqual(c.data);
    expect(r.changedFields).toEqual(c.changed);
    expect(r.conflicts.map((x) => ({ field: x.field, winner: x.winner, loserValue: x.loserValue }))).toEqual(c.conflicts);
    expect(r.concurrent).toBe(c.concurrent);
    for (const f of c.changed) expect(r.fieldVersions[f]).toEqual({ rev: 4, hlc: c.mutation.hlc, client: c.mutation.clientId });
    for (const f of Object.keys(server.fieldVersions)) {
      if (!c.changed.includes(f)) expect(r.fieldVersions[f]).toEqual(server.fieldVersions[f]);
    }
  });

  it('creates a row from nothing with a version for every field', () => {
    const r = mergeMutation(null, { fields: { name: '李四', phone: '13800138000' }, baseRev: 0, hlc: H(1, 'x'), clientId: 'c-x' }, 1);
    expect({ ...r.data }).toEqual({ name: '李四', phone: '13800138000' });
    expect(Object.keys(r.fieldVersions).sort()).toEqual(['name', 'phone']);
    expect(r.conflicts).toEqual([]);
  });

  it('is symmetric: whichever of two concurrent edits arrives first, the same value survives', () => {
    const base: ServerRowState = { data: { phone: '1' }, fieldVersions: { phone: { rev: 1, hlc: H(1, 'o'), client: 'o' } } };
    const a: MergeMutation = { fields: { phone: 'A' }, baseRev: 1, hlc: H(10, 'a'), clientId: 'a' };
    const b: MergeMutation = { fields: { phone: 'B' }, baseRev: 1, hlc: H(10, 'b'), clientId: 'b' };
    const ab = mergeMutation(mergeMutation(base, a, 2), b, 3);
    const ba = mergeMutation(mergeMutation(base, b, 2), a, 3);
    expect(ab.data.phone).toBe('B');
    expect(ba.data.phone).toBe('B');
    expect(ab.conflicts[0]?.loserValue).toBe('A');
    expect(ba.conflicts[0]?.loserValue).toBe('A');
  });

  it('does not modify its inputs', () => {
    const before = JSON.stringify(server);
    mergeMutation(server, { fields: { name: '王五' }, baseRev: 0, hlc: H(999, 'z'), clientId: 'z' }, 9);
    expect(JSON.stringify(server)).toBe(before);
  });

  it.each([
    [{ a: 1, b: [1, { c: 2 }] }, { b: [1, { c: 2 }], a: 1 }, true],
    [{ a: 1 }, { a: 1, b: undefined }, true],
    [[1, 2], [2, 1], false],
    [null, {}, false],
    [{ a: [] }, { a: {} }, false],
  ])('jsonEqual(%j, %j) is %s', (a, b, eq) => {
    expect(jsonEqual(a, b)).toBe(eq);
  });
});
