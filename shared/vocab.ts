// The office's vocabularies (domain.md). Lists marked editable are defaults: the office's own
// list lives in settings and starts from these.

export const SUPERVISOR_CATEGORIES = [
  '总督学', '副总督学', '专职督学', '兼职督学', '挂职督学', '社区督学', '家长督学', '校级督学', '特邀督学', '实习督学',
] as const;

export const EIGHT_ITEMS = [
  '校务管理和制度执行情况',
  '招生、收费、择校情况',
  '课程开设和课堂教学情况',
  '学生学习、体育锻炼和课业负担情况',
  '教师师德和专业发展情况',
  '校园及周边安全情况，学生交通安全情况',
  '食堂、食品、饮水及宿舍卫生情况',
  '校风、教风、学风建设情况',
] as const;

export const APPOINTMENT_STATUSES = ['在聘', '期满', '解聘', '未聘任'] as const;
export const GENDERS = ['男', '女'] as const;
export const TEACHING_STAGES = ['幼儿园', '小学', '初中', '高中', '中职', '特殊教育', '其他'] as const;
export const EDUCATION_LEVELS = ['研究生', '本科', '专科', '中专', '高中及以下'] as const;
export const SCHOOL_TYPES = [
  '幼儿园', '小学', '初中', '九年一贯制', '完全中学', '高中', '特殊教育', '校外培训机构',
] as const;
export const SCHOOL_NATURES = ['公办', '民办'] as const;
export const URBAN_RURAL = ['城区', '镇区', '乡村'] as const;
export const ASSIGNMENT_ROLES = ['责任督学', 'A角', 'B角', '挂职', '社区', '家长', '校级'] as const;

/** Appointment terms ending within this many days are flagged. */
export const TERM_WARNING_DAYS = 60;

// ---- The supervision work (issue: 行事历, 督导记录, 问题整改, 应访督导) ----
export const PERIOD_KINDS = ['学年', '学期', '自然年'] as const;
export const CALENDAR_ITEM_CATEGORIES = ['经常性', '专项', '综合', '会议', '培训', '其他'] as const;
export const CALENDAR_ITEM_STATUSES = ['未开始', '进行中', '已完成', '取消'] as const;

export const VISIT_TYPES = ['经常性', '专项', '综合', '定向', '应访', '回查'] as const;
/** The "三五七" model's seven methods; the national rules also name 列席会议. */
export const VISIT_METHODS = ['巡视校园', '查阅资料', '座谈走访', '问卷调查', '随机听课', '参加活动', '合理建议', '列席会议'] as const;
/** Problems and visits may also be tagged 其他 beyond the eight items. */
export const OTHER_ITEM = '其他';

export const PROBLEM_SOURCES = ['督导记录', '应访督导', '专项督导'] as const;
export const PROBLEM_ACTORS = ['学校', '教育局科室', '区县政府'] as const;
export const PROBLEM_STATUSES = ['待整改', '整改中', '待回查', '已销号'] as const;
export type ProblemStatus = (typeof PROBLEM_STATUSES)[number];
/**
 * Allowed status changes; 待回查 -> 整改中 is 退回 (returned after a failed re-check), 已销号 -> 整改中 is
 * 反弹 (REBOUND: reopened when a 回头看 finds the problem back, and only then).
 */
export const PROBLEM_TRANSITIONS: Record<ProblemStatus, readonly ProblemStatus[]> = {
  待整改: ['整改中'],
  整改中: ['待回查'],
  待回查: ['已销号', '整改中'],
  已销号: ['整改中'],
};
/** The move only a 回头看 makes (followups.record with 反弹), never a button or problems.transition. */
export const REBOUND = { from: '已销号', to: '整改中' } as const;
export const RECHECK_RESULTS = ['通过', '未通过'] as const;

export const COMPLAINT_CHANNELS = ['来访', '来电', '信件', '网络'] as const;
/** The default 来访来电 topics; the office's own list is in 设置 (complaintTopics). */
export const COMPLAINT_TOPICS = ['入学', '管理', '师德', '课业负担', '周边环境', '其他'] as const;
export const COMPLAINT_STATUSES = ['待处理', '处理中', '已办结'] as const;

// ---- Beyond the 挂牌督导 routine (issue 14): 专项督导, 督政, 回头看, evaluation ----
/** Who owns a 督政 problem. */
export const UNIT_KINDS = ['教育局科室', '乡镇（街道）', '县直部门', '其他'] as const;
/** A campaign's schools: chosen one by one, or every live school of a type, of a zone, or all. */
export const CAMPAIGN_SCOPES = ['选定学校', '学段类型', '责任区', '全部学校'] as const;
/** What a campaign checks: the office's eight items, or indicators of its own. */
export const CAMPAIGN_CHECKLISTS = ['八项事项', '自定指标'] as const;
export const CAMPAIGN_ROLES = ['组长', '副组长', '组员'] as const;
/** Common 专项督导 topics offered when naming a campaign. */
export const CAMPAIGN_TOPICS = ['双减', '五项管理', '校园安全', '食品安全', '课后服务', '控辍保学', '校园欺凌防治', '招生入学'] as const;
/** A 回头看's finding: the fix held (巩固), or the problem is back (反弹: reopened). */
export const FOLLOWUP_RESULTS = ['巩固', '反弹'] as const;
export const ESCALATION_KINDS = ['约谈', '通报'] as const;
/** The notices of a 督政 problem: to a government or department, or to a bureau section. */
export const UNIT_LETTER_KINDS = ['督导建议书', '协商函'] as const;
export const EVALUATION_KINDS = ['综合督导评估', '达标监测', '办学质量考评', '其他'] as const;
export const SURVEY_GROUPS = ['教师', '学生', '家长'] as const;
export const SURVEY_ANSWERS = ['满意', '基本满意', '不满意'] as const;
// ---- The supervisors' year (issue 15: returned visit forms, training and meetings, 督学考核) ----
export const TRAINING_KINDS = ['培训', '会议'] as const;
/** Attendance as recorded after the event; a participant not yet recorded has none (shown 未登记). */
export const ATTENDANCE_STATUSES = ['出席', '请假', '缺席'] as const;
export const TRAINING_PLAN_KINDS = ['年度计划', '三年规划', '五年规划'] as const;
/** Changes to a supervisor's appointment, each kept in the supervisor's history. */
export const APPOINTMENT_CHANGE_KINDS = ['续聘', '解聘', '调整'] as const;
/** 考核 grades, best first; the thresholds are the office's (考核办法). */
export const ASSESSMENT_GRADES = ['优秀', '合格', '基本合格', '不合格'] as const;
