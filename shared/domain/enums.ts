import { defineEnum } from './labels';

export const CATEGORY = defineEnum({
  combat_hero: { zh: '战斗英雄', en: 'Combat hero' },
  first_class_merit: { zh: '一等功臣', en: 'First-class merit holder' },
  martyr_family: { zh: '烈士遗属', en: "Martyr's family" },
  duty_death_family: { zh: '因公牺牲军人遗属', en: 'Family of a soldier who died on duty' },
  illness_death_family: { zh: '病故军人遗属', en: 'Family of a soldier who died of illness' },
  disabled_veteran: { zh: '残疾军人', en: 'Disabled veteran' },
  key_recipient: { zh: '其他重点优抚对象', en: 'Other key recipient' },
});
export type CategoryCode = (typeof CATEGORY.values)[number];

export const GENDER = defineEnum({
  male: { zh: '男', en: 'Male' },
  female: { zh: '女', en: 'Female' },
});

export const LIVING_SITUATION = defineEnum({
  alone: { zh: '独居', en: 'Lives alone' },
  empty_nest: { zh: '空巢', en: 'Empty nest' },
  dependent: { zh: '失能', en: 'Dependent' },
});
export type LivingSituation = (typeof LIVING_SITUATION.values)[number];

export const DISABILITY_CAUSE = defineEnum({
  war: { zh: '因战', en: 'In war' },
  duty: { zh: '因公', en: 'On duty' },
  illness: { zh: '因病', en: 'Of illness' },
});

export const PENSION_KIND = defineEnum({
  pension: { zh: '抚恤', en: 'Pension' },
  living_allowance: { zh: '定期生活补助', en: 'Regular living allowance' },
});

export const RECIPIENT_STATUS = defineEnum({
  active: { zh: '在册', en: 'Active' },
  moved: { zh: '迁出', en: 'Moved away' },
  deceased: { zh: '已故', en: 'Deceased' },
});
export type RecipientStatus = (typeof RECIPIENT_STATUS.values)[number];

export const FAMILY_RELATION = defineEnum({
  parent: { zh: '父母', en: 'Parent' },
  spouse: { zh: '配偶', en: 'Spouse' },
  child: { zh: '子女', en: 'Child' },
  sibling: { zh: '兄弟姐妹', en: 'Sibling' },
  other: { zh: '其他', en: 'Other' },
});

export const STAFF_ROLE = defineEnum({
  city_admin: { zh: '市级管理员', en: 'City administrator' },
  district_supervisor: { zh: '区级督导', en: 'District supervisor' },
  caseworker: { zh: '服务站工作人员', en: 'Station caseworker' },
  dedicated_staff: { zh: '专责人员', en: 'Dedicated staff' },
});
export type StaffRole = (typeof STAFF_ROLE.values)[number];

export const STATION_LEVEL = defineEnum({
  city: { zh: '市', en: 'City' },
  district: { zh: '区', en: 'District' },
  street: { zh: '街道', en: 'Street' },
  community: { zh: '社区', en: 'Community' },
});
export type StationLevel = (typeof STATION_LEVEL.values)[number];

export const VISIT_MODE = defineEnum({
  home: { zh: '入户走访', en: 'Home visit' },
  phone: { zh: '电话联系', en: 'Phone call' },
  video: { zh: '视频联系', en: 'Video call' },
  station: { zh: '站内接待', en: 'At the station' },
  hospital: { zh: '医院探望', en: 'Hospital visit' },
});
export type VisitMode = (typeof VISIT_MODE.values)[number];

/** Whether a phone or video contact got through; a visit in person always reaches the recipient. */
export const CONTACT_OUTCOME = defineEnum({
  reached: { zh: '已联系上', en: 'Reached' },
  not_reached: { zh: '未接通', en: 'Not reached' },
});
export type ContactOutcome = (typeof CONTACT_OUTCOME.values)[number];

export const VISIT_PURPOSE = defineEnum({
  routine: { zh: '常态化联系', en: 'Routine contact' },
  condolence: { zh: '慰问', en: 'Condolence' },
  festival: { zh: '节日慰问', en: 'Festival greeting' },
  hardship: { zh: '解困帮扶', en: 'Hardship help' },
  health: { zh: '送医送药/体检', en: 'Health care / check-up' },
  birthday: { zh: '生日慰问', en: 'Birthday greeting' },
});
export type VisitPurpose = (typeof VISIT_PURPOSE.values)[number];

export const FESTIVAL = defineEnum({
  spring_festival: { zh: '春节', en: 'Spring Festival' },
  qingming: { zh: '清明节', en: 'Qingming' },
  army_day: { zh: '八一建军节', en: 'Army Day (8-1)' },
  mid_autumn: { zh: '中秋节', en: 'Mid-Autumn Festival' },
  martyrs_day: { zh: '烈士纪念日', en: "Martyrs' Day (9-30)" },
  national_day: { zh: '国庆节', en: 'National Day (10-1)' },
});
export type FestivalCode = (typeof FESTIVAL.values)[number];

export const CONDITION_LEVEL = defineEnum({
  good: { zh: '良好', en: 'Good' },
  fair: { zh: '一般', en: 'Fair' },
  poor: { zh: '较差', en: 'Poor' },
});

export const AID_KIND = defineEnum({
  cash: { zh: '慰问金', en: 'Condolence money' },
  goods: { zh: '物资', en: 'Goods' },
  medical: { zh: '医疗', en: 'Medical' },
  housing: { zh: '住房', en: 'Housing' },
  fee_reduction: { zh: '费用减免', en: 'Fee reduction' },
  service: { zh: '服务', en: 'Service' },
});
export type AidKind = (typeof AID_KIND.values)[number];

export const FUND_SOURCE = defineEnum({
  city_foundation: { zh: '市拥军优属基金会', en: 'City Military Support Foundation' },
  veterans_care_fund: { zh: '退役军人关爱基金', en: "Veterans' Care Fund" },
  district_care_fund: { zh: '区关爱基金', en: 'District care fund' },
  government_budget: { zh: '政府预算', en: 'Government budget' },
  social_donation: { zh: '社会捐赠', en: 'Social donation' },
});
export type FundSource = (typeof FUND_SOURCE.values)[number];

export const DUTY_KIND = defineEnum({
  phone_call: { zh: '电话联系', en: 'Phone call' },
  home_visit: { zh: '入户走访', en: 'Home visit' },
  birthday: { zh: '生日慰问', en: 'Birthday greeting' },
  festival: { zh: '节日慰问', en: 'Festival greeting' },
  checkup: { zh: '年度体检', en: 'Annual check-up' },
  medical_escort: { zh: '陪同就医', en: 'Medical escort' },
});
export type DutyKind = (typeof DUTY_KIND.values)[number];

export const RECURRENCE_TYPE = defineEnum({
  weekly: { zh: '每周', en: 'Weekly' },
  monthly: { zh: '每月', en: 'Monthly' },
  quarterly: { zh: '每季度', en: 'Quarterly' },
  half_yearly: { zh: '每半年', en: 'Half-yearly' },
  yearly: { zh: '每年', en: 'Yearly' },
  birthday: { zh: '生日', en: 'Birthday' },
  festival: { zh: '节日', en: 'Festival' },
  once: { zh: '一次性', en: 'Once' },
});
export type RecurrenceType = (typeof RECURRENCE_TYPE.values)[number];

export const OCCURRENCE_STATUS = defineEnum({
  pending: { zh: '待办', en: 'To do' },
  done: { zh: '已完成', en: 'Done' },
  cancelled: { zh: '已取消', en: 'Cancelled' },
});

export const REQUEST_STATUS = defineEnum({
  open: { zh: '待处理', en: 'Open' },
  in_progress: { zh: '处理中', en: 'In progress' },
  resolved: { zh: '已解决', en: 'Resolved' },
  referred: { zh: '已上报', en: 'Referred up' },
});
export type RequestStatus = (typeof REQUEST_STATUS.values)[number];

/** Each value means the same in both languages; a new need is `normal` (一般 / Normal). */
export const URGENCY = defineEnum({
  low: { zh: '不急', en: 'Low' },
  normal: { zh: '一般', en: 'Normal' },
  high: { zh: '紧急', en: 'High' },
  critical: { zh: '特急', en: 'Critical' },
});
export type Urgency = (typeof URGENCY.values)[number];

export const REQUEST_SOURCE = defineEnum({
  visit: { zh: '走访发现', en: 'Raised on a visit' },
  hotline: { zh: '帮扶热线', en: 'Help line' },
  walk_in: { zh: '来站反映', en: 'At the station' },
});

export const REQUEST_TOPIC = defineEnum({
  medical: { zh: '医疗', en: 'Medical' },
  housing: { zh: '住房', en: 'Housing' },
  living: { zh: '生活困难', en: 'Living hardship' },
  employment: { zh: '就业', en: 'Employment' },
  policy: { zh: '政策咨询', en: 'Policy question' },
  other: { zh: '其他', en: 'Other' },
});

/** What an attachment shows (the profile's 资料 tab groups by it). */
export const ATTACHMENT_KIND = defineEnum({
  visit_photo: { zh: '走访照片', en: 'Visit photo' },
  signature: { zh: '签名', en: 'Signature' },
  receipt: { zh: '签收单', en: 'Signed receipt' },
  id_card: { zh: '身份证复印件', en: 'ID card copy' },
  certificate: { zh: '证书', en: 'Certificate' },
  story: { zh: '事迹材料', en: 'Story' },
  document: { zh: '其他材料', en: 'Other document' },
});
export type AttachmentKind = (typeof ATTACHMENT_KIND.values)[number];
