import type { RequestTopic } from './types';

/**
 * Canned free text for notes, health remarks and requests. Picked, never composed per row:
 * millions of visits must not each build a new string.
 */
export const HEALTH_CONDITIONS: readonly string[] = [
  '高血压，规律服药',
  '2型糖尿病，饮食控制',
  '冠心病，随身携带硝酸甘油',
  '慢性阻塞性肺病，冬季易发作',
  '听力下降，需大声交谈',
  '视力较差，白内障术后',
  '腿脚不便，需搀扶行走',
  '腰椎间盘突出',
  '轻度认知障碍，家属陪同',
  '脑梗后遗症，右侧肢体无力',
  '骨质疏松，防跌倒',
  '慢性胃炎',
  '前列腺增生',
  '类风湿关节炎',
  '痛风，间断发作',
  '旧伤复发，阴雨天疼痛',
  '心律不齐，定期复查',
  '肾功能不全，定期透析',
  '术后康复期',
  '睡眠不好，偶有焦虑',
];

export const TAGS_KEY_RECIPIENT: readonly string[] = ['在乡复员军人', '带病回乡退伍军人', '参战退役军人', '参试退役军人'];

export const VISIT_NOTES = {
  routine: [
    '身体状况稳定，生活自理，无特殊需求。',
    '了解近况，老人精神不错，叮嘱注意天气变化。',
    '家属在场，反映老人饮食正常。',
    '电话沟通顺利，老人表示一切安好。',
    '宣传最新优抚政策，老人表示理解。',
    '检查居家安全，提醒关好燃气阀门。',
    '老人谈起当年部队经历，情绪愉快。',
    '核实联系方式和住址，信息无变化。',
  ],
  condolence: ['住院期间前往探望，转达组织关怀。', '家中有困难，上门慰问并了解具体情况。', '近期身体欠佳，上门慰问。'],
  festival: ['送上节日慰问品和慰问金，老人很高兴。', '节日前上门慰问，转达节日问候。', '社区组织节日慰问，与家属合影留念。'],
  hardship: ['了解家庭经济困难情况，协助申请临时救助。', '房屋漏水，联系物业协助维修。', '协助办理医保报销手续。'],
  health: [
    '陪同到社康中心体检，各项指标基本正常。',
    '送药上门，提醒按时服药。',
    '血压偏高，已建议复查并调整用药。',
    '联系家庭医生上门随访。',
  ],
  birthday: ['生日当天上门祝寿，送上蛋糕和鲜花。', '电话祝贺生日，老人很感动。', '与社区志愿者一起为老人庆祝生日。'],
} as const;

export const REQUEST_TEXTS: Record<RequestTopic, readonly { description: string; resolution: string }[]> = {
  medical: [
    { description: '希望协助预约三甲医院专家号。', resolution: '已通过绿色通道预约，陪同就诊。' },
    { description: '反映医疗费用报销比例有疑问。', resolution: '已向医保部门核实并向老人解释报销政策。' },
    { description: '需要上门康复护理服务。', resolution: '已对接社康中心，每周上门一次。' },
  ],
  housing: [
    { description: '住房老旧，卫生间需要适老化改造。', resolution: '已纳入适老化改造计划，施工完成。' },
    { description: '租房困难，咨询保障性住房申请。', resolution: '已协助提交保障房申请材料。' },
  ],
  living: [
    { description: '家庭收入减少，生活较为困难。', resolution: '已发放临时困难救助金。' },
    { description: '独居，希望有人定期上门照看。', resolution: '已安排志愿者结对，每周探访两次。' },
    { description: '行动不便，买菜做饭困难。', resolution: '已开通长者饭堂送餐服务。' },
  ],
  employment: [{ description: '子女失业，希望推荐就业岗位。', resolution: '已推荐至退役军人就业服务站，子女已入职。' }],
  policy: [
    { description: '咨询抚恤金调整标准。', resolution: '已解释今年抚恤标准调整情况。' },
    { description: '咨询优待证办理流程。', resolution: '已协助办理优待证。' },
    { description: '咨询烈士纪念设施祭扫安排。', resolution: '已告知清明祭扫安排并协助预约。' },
  ],
  other: [
    { description: '希望参加社区组织的老兵座谈会。', resolution: '已登记，活动时通知。' },
    { description: '反映小区电梯经常故障。', resolution: '已联系物业和街道协调维修。' },
  ],
};

export const VOID_REASONS: readonly string[] = ['金额录入错误，已重新登记', '重复登记', '对象信息录入有误', '资金来源填写错误'];

export const EMERGENCY_RELATIONS: readonly string[] = ['儿子', '女儿', '儿媳', '女婿', '侄子', '外甥女', '孙子', '配偶', '邻居'];
