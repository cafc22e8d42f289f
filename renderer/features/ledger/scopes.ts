import type { StaffRole } from '../../../shared/domain/enums';
import { stationPathName, stationsInScope } from '../../../shared/stations/tree';

/** Roles that answer for more than their own station may export any station or street below it. */
const WIDE_ROLES: ReadonlySet<StaffRole> = new Set(['district_supervisor', 'city_admin']);

export interface ScopeOption {
  value: string;
  label: string;
}

/**
 * What a user may export: a caseworker (and dedicated staff) their own scope only; a supervisor
 * the whole district or any street or community of it (the city administrator likewise the city).
 */
export function ledgerScopeOptions(role: StaffRole, scopePrefix: string): ScopeOption[] {
  if (!WIDE_ROLES.has(role)) return [{ value: scopePrefix, label: stationPathName(scopePrefix) }];
  const below = stationsInScope(scopePrefix)
    .map((s) => s.code)
    .filter((c) => c !== scopePrefix)
    .sort();
  return [scopePrefix, ...below].map((value) => ({ value, label: stationPathName(value) }));
}

/** `台账-福田区园岭街道-2026-11-28.xlsx`: the scope's full name without spaces and the Shanghai date. */
export function ledgerFileName(scope: string, shanghaiDate: string): string {
  return `台账-${stationPathName(scope).replace(/\s+/g, '')}-${shanghaiDate}.xlsx`;
}
