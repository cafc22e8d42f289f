import type { Locale } from '../domain/labels';

/**
 * UI strings and error messages, zh-CN first. Keys are stable; error codes produced by the
 * validators and zod schemas (`id_number_checksum`, …) live under `error.`.
 */
const zh = {
  'app.title': '优抚工作台',
  'app.subtitle': '深圳市退役军人服务站',
  'error.invalid_id': '编号格式不正确',
  'error.date_invalid': '日期不正确，请按 年-月-日 填写真实日期',
  'error.timestamp_invalid': '时间格式不正确',
  'error.station_code_invalid': '服务站编码不正确',
  'error.name_required': '请填写姓名',
  'error.name_too_long': '姓名过长',
  'error.text_too_long': '内容过长',
  'error.username_invalid': '用户名只能包含小写字母、数字、点、下划线和连字符（3–40 位）',
  'error.id_number_length': '身份证号应为 18 位',
  'error.id_number_format': '身份证号只能由数字组成，最后一位可以是 X',
  'error.id_number_region': '身份证号的地区码不正确',
  'error.id_number_birth_date': '身份证号中的出生日期不存在',
  'error.id_number_checksum': '身份证号校验位不正确，请核对后重新输入',
  'error.id_number_duplicate': '该身份证号已登记',
  'error.phone_format': '电话号码格式不正确：手机号为 1 开头的 11 位数字，座机为 0755-8 位数字',
  'error.money_format': '金额格式不正确，最多两位小数',
  'error.money_negative': '金额不能为负数',
  'error.money_too_large': '金额过大',
  'error.quantity_invalid': '数量应为正整数',
  'error.disability_grade_range': '残疾等级应为 1–10 级',
  'error.disability_grade_required': '残疾军人须填写残疾等级',
  'error.category_required': '请至少选择一个优抚类别',
  'error.status_date_required': '迁出或已故须填写日期',
  'error.visit_staff_required': '请填写走访人员',
  'error.visit_festival_required': '节日慰问须选择节日',
  'error.aid_amount_required': '慰问金须填写金额',
  'error.aid_amount_or_item_required': '请填写金额或物品名称',
  'error.aid_void_reason_required': '作废须填写原因',
  'error.request_description_required': '请填写诉求内容',
  'error.validation_failed': '填写的内容有误，请检查标红的项目',
  'error.not_found': '记录不存在',
  'error.write_failed': '保存失败，未写入任何数据，请重试',
  'error.unknown': '发生未知错误',
} as const;

export type MessageKey = keyof typeof zh;

const en: Record<MessageKey, string> = {
  'app.title': 'Youfu Desk',
  'app.subtitle': "Shenzhen veterans' service station",
  'error.invalid_id': 'The identifier is malformed',
  'error.date_invalid': 'Enter a real date as YYYY-MM-DD',
  'error.timestamp_invalid': 'The time is malformed',
  'error.station_code_invalid': 'The station code is not valid',
  'error.name_required': 'Enter a name',
  'error.name_too_long': 'The name is too long',
  'error.text_too_long': 'The text is too long',
  'error.username_invalid': 'User names use 3–40 lowercase letters, digits, dots, underscores or hyphens',
  'error.id_number_length': 'An ID number has 18 characters',
  'error.id_number_format': 'An ID number is digits only; the last may be X',
  'error.id_number_region': 'The region code of the ID number is not valid',
  'error.id_number_birth_date': 'The birth date in the ID number does not exist',
  'error.id_number_checksum': 'The ID number check digit is wrong; please check it',
  'error.id_number_duplicate': 'This ID number is already registered',
  'error.phone_format': 'Enter a mobile number (11 digits starting with 1) or a landline as 0755-12345678',
  'error.money_format': 'Enter an amount with at most two decimals',
  'error.money_negative': 'The amount cannot be negative',
  'error.money_too_large': 'The amount is too large',
  'error.quantity_invalid': 'The quantity must be a positive whole number',
  'error.disability_grade_range': 'The disability grade is 1 to 10',
  'error.disability_grade_required': 'Disabled veterans need a disability grade',
  'error.category_required': 'Choose at least one category',
  'error.status_date_required': 'Moved or deceased needs a date',
  'error.visit_staff_required': 'Enter who went',
  'error.visit_festival_required': 'Choose the festival',
  'error.aid_amount_required': 'Condolence money needs an amount',
  'error.aid_amount_or_item_required': 'Enter an amount or an item',
  'error.aid_void_reason_required': 'Give a reason for voiding',
  'error.request_description_required': 'Describe the request',
  'error.validation_failed': 'Some fields need attention',
  'error.not_found': 'The record does not exist',
  'error.write_failed': 'Saving failed and nothing was written; please try again',
  'error.unknown': 'An unknown error occurred',
};

export const MESSAGES: Record<Locale, Record<MessageKey, string>> = { zh, en };

export function translate(locale: Locale, key: MessageKey): string {
  return MESSAGES[locale][key];
}

/** Turns an error code (from a validator, a zod issue or the server) into a sentence. */
export function translateError(locale: Locale, code: string): string {
  const key = `error.${code}` as MessageKey;
  return MESSAGES[locale][key] ?? MESSAGES[locale]['error.unknown'];
}
