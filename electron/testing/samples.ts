/**
 * Sample inputs for every builder, with realistic text: used by the tests and by scripts/render-check.ts
 * to look at renderings. Not used by the app itself.
 */
import zlib from 'node:zlib';
import type { Block } from '../../shared/schemas/blocks';
import { DEFAULT_SETTINGS } from '../../shared/schemas/settings';
import type { BriefingInput } from '../documents/briefing';
import type { CalendarInput } from '../documents/calendar';
import type { ChronicleInput } from '../documents/chronicle';
import type { CollectionInput } from '../documents/collection';
import type { NoticeInput, ReferralInput } from '../documents/notice';
import type { BuildContext } from '../documents/blocks';

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(b: Buffer): number {
  let c = 0xffffffff;
  for (const x of b) c = CRC_TABLE[(c ^ x) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** A width × height RGB PNG with a colour gradient, made in memory. */
export function samplePng(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4); len.writeUInt32BE(data.length);
    const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const crc = Buffer.alloc(4); crc.writeUInt32BE(crc32(td));
    return Buffer.concat([len, td, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0); ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; ihdr[9] = 2; // 8-bit RGB
  const raw = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const o = y * (width * 3 + 1) + 1 + x * 3;
      raw[o] = 40 + Math.round((x / width) * 180); raw[o + 1] = 120; raw[o + 2] = 200 - Math.round((y / height) * 120);
    }
  }
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

export const SAMPLE_HASH = 'a'.repeat(64);
export const MISSING_HASH = 'b'.repeat(64);

export const sampleContext = (): BuildContext => {
  const png = samplePng(320, 200);
  return { fonts: DEFAULT_SETTINGS.fonts, loadImage: (hash) => (hash === SAMPLE_HASH ? png : null) };
};

const P = (text: string): Block => ({ type: 'paragraph', runs: [{ text }] });

/** Paragraphs of realistic body text, about 50 lines in all. */
export const LONG_TEXT = [
  '本月，全区各责任区督学按照“一月一主题”的安排，围绕学校思政课开设情况开展经常性督导，共深入学校九十八所次，实现中小学、幼儿园全覆盖。督学们通过巡视校园、查阅资料、随机听课、座谈走访等方式，全面了解学校课程开设和课堂教学情况，现场反馈问题，提出合理建议。',
  '督导中发现，多数学校能够按照国家课程方案开齐开足思政课程，课堂教学规范有序，学生参与度较高。部分学校结合地方红色资源开发校本课程，组织学生走进纪念馆、烈士陵园开展现场教学，将思政小课堂与社会大课堂有机结合，收到了良好效果。',
  '同时也发现一些值得关注的问题：个别学校思政课专职教师配备不足，由班主任或其他学科教师兼任，专业化程度有待提高；少数学校课堂教学方式较为单一，以讲授为主，学生主体作用发挥不够；个别学校集体备课制度落实不到位，教研活动记录不完整。',
  '针对上述问题，督学们现场向学校反馈，并下发整改通知书三份，要求学校在规定期限内完成整改。督导室将组织责任督学开展回查，对整改不到位的学校进行约谈，确保问题整改落实到位，切实发挥督导的监督、指导和促进作用。',
  '下一步，全区督导工作将重点围绕学校安全工作开展专项督导，重点检查校园及周边安全隐患排查整治情况、学生交通安全教育开展情况以及食堂食品安全管理情况，督促学校落实安全主体责任，为师生营造安全、和谐、稳定的校园环境。',
];

export function sampleBriefing(long = false): BriefingInput {
  const body = (n: number): Block[] => Array.from({ length: n }, (_, i) => P(LONG_TEXT[i % LONG_TEXT.length]));
  return {
    name: '督导工作简报',
    issue: 3,
    totalIssue: 27,
    issuer: '××区人民政府教育督导室',
    date: '2025-03-31',
    contents: ['全区开展思政课开设情况经常性督导', '督导数据', '亮点做法'],
    articles: [
      {
        title: '全区开展思政课开设情况经常性督导',
        blocks: [
          { type: 'heading', level: 1, text: '一、基本情况' },
          ...body(long ? 10 : 2),
          { type: 'heading', level: 2, text: '（一）主要做法' },
          { type: 'list', ordered: true, items: ['坚持问题导向，聚焦课程开设。', '坚持结果运用，强化整改落实。'] },
          { type: 'heading', level: 3, text: '1.巡视校园' },
          { type: 'heading', level: 4, text: '（1）查阅资料' },
          { type: 'paragraph', runs: [{ text: '重点提示：', bold: true }, { text: '各学校要认真对照问题清单，逐项整改。' }] },
        ],
      },
      {
        title: '督导数据',
        blocks: [
          P('本月全区开展经常性督导98所次，覆盖学校56所，覆盖率100%；发现问题41个，已整改销号29个，整改率70.7%。'),
          { type: 'table', header: true, rows: [['督导事项', '督导次数', '发现问题', '已整改'], ['课程开设和课堂教学情况', '56', '18', '12'], ['校园及周边安全情况', '42', '23', '17']] },
        ],
      },
      {
        title: '亮点做法',
        blocks: [
          ...body(long ? 6 : 1),
          { type: 'image', hash: SAMPLE_HASH, width: 800, height: 500, caption: '督学随机听课' },
          { type: 'image', hash: MISSING_HASH, width: 800, height: 500, caption: '座谈走访' },
          { type: 'list', ordered: false, items: ['红色资源进课堂', '思政教师集体备课'] },
        ],
      },
    ],
    distribution: { bao: ['市人民政府教育督导室', '区人民政府分管领导'], song: ['区教育局各科室'], fa: ['各中小学', '幼儿园', '校外培训机构'] },
    copies: 30,
  };
}

export function sampleChronicle(form: 'list' | 'table' = 'list'): ChronicleInput {
  return {
    office: '××区',
    year: 2025,
    form,
    entries: [
      { month: 3, day: 12, text: '区教育督导室召开2025年第一次全体督学工作会议，部署全年经常性督导工作' },
      { month: null, day: null, text: '全区共开展经常性督导1126所次，下发整改通知书42份' },
      { month: 1, day: null, text: '完成2024年度责任督学考核，评出优秀责任督学12名' },
      { month: 1, day: 8, text: '区教育督导室开展寒假前校园安全专项督导。' },
      { month: 3, day: 3, text: '各责任区督学开展春季开学专项督导（覆盖学校56所）' },
      { month: 12, day: 30, text: '区教育督导室编印《督导工作简报》2025年第12期' },
      { month: 3, day: null, text: '区教育督导室编印《教育督导案例集》第二册' },
      { month: 1, day: 20, text: '区政府教育督导委员会召开全体成员会议，部署“双减”' },
    ],
  };
}

export function sampleCollection(): CollectionInput {
  return {
    title: '教育督导案例集',
    volume: 2,
    office: '××区人民政府教育督导室',
    year: 2025,
    preface: [P('为总结交流责任督学挂牌督导工作经验，我室从各责任区报送的案例中遴选部分优秀案例汇编成册，供全区督学和学校学习参考。')],
    pieces: [
      { title: '以督促改　让思政课“活”起来', author: '张某某', school: '××区第一实验小学', blocks: [P(LONG_TEXT[0]), P(LONG_TEXT[1]), { type: 'image', hash: SAMPLE_HASH, width: 640, height: 400, caption: '督学随堂听课' }] },
      { title: '食堂管理督导中的“三查三看”', author: '李某某', school: '××区实验中学', blocks: [P(LONG_TEXT[2]), { type: 'heading', level: 1, text: '一、问题发现' }, P(LONG_TEXT[3])] },
      { title: '家校协同化解入学矛盾', author: '王某某', school: null, blocks: [P(LONG_TEXT[4])] },
    ],
  };
}

export function sampleNotice(): NoticeInput {
  return {
    office: '××区人民政府教育督导室',
    numberText: '〔2025〕第12号',
    schoolName: '××区实验小学',
    problems: [
      { description: '学校思政课专职教师配备不足，由其他学科教师兼任。', origin: { kind: 'visit', date: '2025-03-18', visitType: '经常性' } },
      { description: '食堂食品留样记录不完整，部分餐次缺少留样。', origin: { kind: 'visit', date: '2025-03-18', visitType: '经常性' } },
    ],
    requirement: '整改报告应包括问题原因分析、整改措施、整改结果及佐证材料。',
    deadlineDays: 15,
    issuedDate: '2025-04-02',
  };
}

export function sampleReferral(): ReferralInput {
  return {
    office: '××区人民政府教育督导室',
    numberText: '〔2025〕第3号',
    section: '区教育局计划财务科',
    schoolName: '××区第二中学',
    problems: [
      { description: '学校教学楼东侧围墙出现裂缝，存在安全隐患，需安排专项资金维修。', origin: { kind: 'visit', date: '2025-03-18', visitType: '经常性' } },
      { description: '学校门前道路缺少交通警示标志，上下学时段拥堵。', origin: { kind: 'complaint', date: '2025-03-03', channel: '来电' } },
      { description: '学校运动场塑胶跑道老化开裂。', origin: { kind: 'entered', date: '2025-03-10' } },
    ],
    issuedDate: '2025-03-20',
    contact: '联系人：王某某，电话：0571-88888888。',
  };
}

/**
 * A term's calendar as an office publishes it (2025—2026学年第一学期, September to January): 25 items
 * numbered through the term, timings in dates, 旬 and weeks, 牵头 and 配合 units, one item running from
 * December into January, the first months done. `print` chooses the columns and the page.
 */
export function sampleCalendar(print: Partial<Pick<CalendarInput, 'columns' | 'landscape' | 'attachment' | 'signatureDate'>> = {}): CalendarInput {
  let n = 0;
  const item = (month: string, content: string, o: Partial<CalendarInput['months'][number]['items'][number]> = {}) =>
    ({ number: `${++n}.`, content, month, endMonth: month, lead: '督导室', ...o });
  const done = { status: '已完成', statusNote: '已完成，形成督导报告' };
  return {
    office: '××区人民政府教育督导室',
    title: '2025—2026学年第一学期督导工作行事历',
    columns: ['timing', 'responsibility', 'status'],
    notes: '各责任区可结合实际调整具体时间，调整情况报督导室备案。',
    ...print,
    months: [
      { month: '2025-09', theme: '新学期开学工作和招生入学情况', items: [
        item('2025-09', '开展秋季开学工作专项督导，重点检查开学准备、校舍安全、收费公示和课程开设情况', { timing: '第1周', partners: '各责任区', ...done }),
        item('2025-09', '召开全体督学工作会议，部署本学期督导工作', { timing: '9月上旬', status: '已完成' }),
        item('2025-09', '检查招生入学和学籍管理工作，核查“阳光招生”政策落实情况', { timing: '9月中旬', partners: '基础教育科', ...done }),
        item('2025-09', '更新学校责任督学挂牌公示牌信息', { lead: '各责任区', status: '已完成', statusNote: '按计划完成' }),
        item('2025-09', '开展教师节师德师风宣传督导', { timing: '9月8日—12日', status: '已完成' }),
      ] },
      { month: '2025-10', theme: '学生体质健康和大课间活动', items: [
        item('2025-10', '开展学生体质健康和大课间活动专项督导，抽查体育课开足开齐情况', { timing: '10月中旬', partners: '体卫艺科、各责任区', ...done }),
        item('2025-10', '组织责任督学赴外县区学习交流', { timing: '第7周', status: '已完成' }),
        item('2025-10', '对两所学校开展综合督导评估', { timing: '10月下旬', partners: '教研室', status: '进行中', statusNote: '已完成一所' }),
        item('2025-10', '召开月度督学工作例会，通报9月督导情况', { timing: '10月15日', status: '已完成' }),
        item('2025-10', '编印第一季度督导工作简报', { status: '已完成' }),
      ] },
      { month: '2025-11', theme: '教师师德师风建设', items: [
        item('2025-11', '开展师德师风建设情况专项督导，查阅师德档案并座谈学生和家长', { timing: '第11—12周', partners: '人事科、各责任区', status: '进行中' }),
        item('2025-11', '开展中小学校园欺凌防治专项检查', { timing: '11月中旬', partners: '安全科' }),
        item('2025-11', '组织督导业务培训（问题整改跟踪）', { timing: '11月20日' }),
        item('2025-11', '对上月整改通知书落实情况开展回查', { lead: '各责任区' }),
        item('2025-11', '召开月度督学工作例会', { timing: '11月14日' }),
      ] },
      { month: '2025-12', theme: '作业管理和学生课业负担', items: [
        item('2025-12', '开展作业管理和课业负担专项督导，抽查作业公示和布置情况', { timing: '12月上旬', partners: '教研室、各责任区' }),
        item('2025-12', '开展督学年度考核', { timing: '12月中旬' }),
        item('2025-12', '开展期末及寒假安全教育督查', { timing: '12月下旬至1月上旬', endMonth: '2026-01', partners: '安全科' }),
        item('2025-12', '召开月度督学工作例会', { timing: '12月12日' }),
        item('2025-12', '编写年度督导工作总结和督导大事记', { timing: '12月底前' }),
      ] },
      { month: '2026-01', theme: '期末工作和寒假安全', items: [
        item('2026-01', '督查期末考试组织与考风考纪', { timing: '1月中旬', partners: '各责任区' }),
        item('2026-01', '整理本学期督导档案，完成整改台账核对', { timing: '1月下旬' }),
        item('2026-01', '布置寒假期间校外培训机构巡查工作', { partners: '校外教育科' }),
        item('2026-01', '撰写本学期督导工作总结，统计各责任区督导数据', { lead: '各责任区' }),
        item('2026-01', '制定下学期督导工作行事历', { timing: '1月底前' }),
      ] },
    ],
  };
}
