import { jsonEqual } from '../jsonEqual';
import { compareHlc } from './hlc';

/**
 * Field-level merge of one pushed mutation into the server's row (sync protocol v1).
 *
 * Each field of a server row remembers the revision, HLC and client of its last write. A field
 * the mutation sets is in conflict when the server wrote it after the revision the client
 * edited (`baseRev`) and that write came from another client: the later HLC wins, ties cannot
 * happen between two clients because the HLC string ends with the node id. Everything else
 * merges silently: disjoint fields, a client's own earlier writes, equal values.
 *
 * Pure: no clock, no I/O, so that the server, tests and a future client-side preview agree.
 */
export interface FieldVersion {
  rev: number;
  hlc: string;
  client: string;
}
export type FieldVersions = Record<string, FieldVersion>;

export interface ServerRowState {
  data: Readonly<Record<string, unknown>>;
  fieldVersions: Readonly<FieldVersions>;
}

export interface MergeMutation {
  fields: Readonly<Record<string, unknown>>;
  baseRev: number;
  hlc: string;
  clientId: string;
}

export interface MergeConflict {
  field: string;
  winner: 'client' | 'server';
  winnerValue: unknown;
  loserValue: unknown;
  winnerHlc: string;
  loserHlc: string;
  /** The client whose write the server held; for the conflict log. */
  serverClient: string;
}

/** Brand: only merge() makes one, so unmerged data cannot be written as merged by mistake. */
declare const merged: unique symbol;
export type MergedData = Record<string, unknown> & { readonly [merged]: true };

export interface MergeResult {
  data: MergedData;
  fieldVersions: FieldVersions;
  conflicts: MergeConflict[];
  /** Fields whose stored value changed. */
  changedFields: string[];
  /** True when someone else wrote the row after `baseRev` (a merge, not a plain apply). */
  concurrent: boolean;
}

/**
 * @param server the current row, or null when the row does not exist yet
 * @param newRev the revision the row gets if anything changes
 */
export function mergeMutation(server: ServerRowState | null, m: MergeMutation, newRev: number): MergeResult {
  const data: Record<string, unknown> = { ...(server?.data ?? {}) };
  const fieldVersions: FieldVersions = { ...(server?.fieldVersions ?? {}) };
  const conflicts: MergeConflict[] = [];
  const changedFields: string[] = [];
  const concurrent = Object.values(fieldVersions).some((v) => v.rev > m.baseRev && v.client !== m.clientId);
  const mine: FieldVersion = { rev: newRev, hlc: m.hlc, client: m.clientId };

  for (const field of Object.keys(m.fields).sort()) {
    const value = m.fields[field];
    if (value === undefined) continue;
    // A field without a version (a row loaded by the server itself) has no competing edit.
    const sv = fieldVersions[field];
    const hasServerValue = server !== null && Object.hasOwn(server.data, field);
    const serverValue = hasServerValue ? server.data[field] : undefined;
    const otherWroteSince = sv !== undefined && sv.rev > m.baseRev && sv.client !== m.clientId;

    if (hasServerValue && jsonEqual(serverValue, value)) continue;

    if (otherWroteSince && hasServerValue) {
      const clientWins = compareHlc(m.hlc, sv.hlc) > 0;
      conflicts.push(
        clientWins
          ? {
              field,
              winner: 'client',
              winnerValue: value,
              loserValue: serverValue,
              winnerHlc: m.hlc,
              loserHlc: sv.hlc,
              serverClient: sv.client,
            }
          : {
              field,
              winner: 'server',
              winnerValue: serverValue,
              loserValue: value,
              winnerHlc: sv.hlc,
              loserHlc: m.hlc,
              serverClient: sv.client,
            },
      );
      if (!clientWins) continue;
    }
    data[field] = value;
    fieldVersions[field] = mine;
    changedFields.push(field);
  }
  return { data: data as MergedData, fieldVersions, conflicts, changedFields, concurrent };
}
