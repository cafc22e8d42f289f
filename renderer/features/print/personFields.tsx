import type { ReactNode } from 'react';
import { CATEGORY, GENDER, RECIPIENT_STATUS } from '../../../shared/domain/enums';
import type { Locale } from '../../../shared/domain/labels';
import type { CategoryEntry, Recipient } from '../../../shared/domain/schemas';
import { getStation } from '../../../shared/stations/tree';
import { maskPhone } from '../../../shared/validation/phone';
import { fill } from '../../app/i18n';
import { printStrings } from './printStrings';
import { paperDate, paperIdNumber } from './printFormat';

type Field = readonly [string, ReactNode, boolean?];

/** `烈属、伤残军人（3级）`: the categories in one line. */
export function categoriesText(categories: readonly Pick<CategoryEntry, 'code' | 'disabilityGrade'>[], locale: Locale): string {
  const grade = printStrings[locale].gradeValue;
  return categories
    .map((c) => CATEGORY.label(c.code, locale) + (c.disabilityGrade ? `（${fill(grade, { grade: c.disabilityGrade })}）` : ''))
    .join(locale === 'zh' ? '、' : ', ');
}

/** A station's name, or its code when this computer does not know it. */
export function stationName(code: string): string {
  return getStation(code)?.name ?? code;
}

/** The person a form is about, as its first boxes: the ID number and phones masked on paper. */
export function personFields(r: Recipient, locale: Locale, staffName: (id: string) => string): Field[] {
  const s = printStrings[locale];
  return [
    [s.name, <strong data-testid="print-recipient-name">{r.name}</strong>],
    [s.gender, GENDER.label(r.gender, locale)],
    [s.idNumber, <span data-testid="print-id-number">{paperIdNumber(r.idNumber)}</span>],
    [s.birthDate, paperDate(r.birthDate, locale, { lunar: r.lunarBirthday })],
    [s.categories, categoriesText(r.categories, locale), true],
    [s.phones, r.phones.map(maskPhone).join(locale === 'zh' ? '、' : ', ')],
    [s.dedicatedStaff, r.dedicatedStaffId ? staffName(r.dedicatedStaffId) : ''],
    [s.address, r.address, true],
    [
      s.status,
      r.status === 'active'
        ? RECIPIENT_STATUS.label('active', locale)
        : `${RECIPIENT_STATUS.label(r.status, locale)} ${r.statusDate ? paperDate(r.statusDate, locale) : ''}`.trim(),
    ],
    [s.station, stationName(r.stationCode)],
  ];
}
