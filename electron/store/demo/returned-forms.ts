/**
 * The demo archive's returned 督导记录表 (issue 15): what four supervisors filled in this term's forms —
 * visits since the archive's own, one row missing its 纪实, one visit already in the archive, a photo —
 * for electron/api to write as .xlsx files into the data folder, ready to import.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Store } from '../store';
import { addDays, todayText } from '../../../shared/dates';
import { termOf } from '../../../shared/visit-form';
import { getSettings } from '../settings';
import { createRng } from './random';

/** Where the demo's returned forms are written, in the data folder. */
export const DEMO_FORMS_FOLDER = '示例-交回的督导记录表';

export interface DemoReturn {
  supervisorId: number;
  name: string;
  certNo: string | null;
  from: string;
  to: string;
  schools: string[];
  visits: { values: Record<string, string>; photo: boolean }[];
}

const NARRATIVES = [
  '巡视了校园和功能室，查阅了本月教学常规检查记录，随机听课一节，与两名教师座谈，了解课后服务开展情况。',
  '检查了学校食堂后厨、留样和出入库台账，查看了学生就餐秩序，与食堂管理员交流了食品安全管理制度落实情况。',
  '查看了校门口护学岗和上下学交通秩序，检查了消防器材和疏散通道，查阅了安全隐患排查记录。',
];
const HIGHLIGHTS = ['学校课后服务课程丰富，学生参与率高。', '食堂实行明厨亮灶，留样记录规范完整。', '护学岗落实到位，上下学秩序井然。'];
const PROBLEMS = [['部分班级作业公示不及时，个别学科作业量偏大。', '学生学习、体育锻炼和课业负担情况'],
  ['食堂原材料出入库台账填写不完整。', '食堂、食品、饮水及宿舍卫生情况']];

/** Four supervisors' filled forms for the term around `today`. */
export function planDemoReturns(a: Store, opts: { seed: number; today?: Date }): DemoReturn[] {
  const rng = createRng(opts.seed + 151);
  const today = todayText(opts.today ?? new Date());
  const term = termOf(today);
  const items = getSettings(a).eightItems;
  const people = a.db.prepare(`SELECT DISTINCT s.id, s.name, s.cert_no AS certNo FROM supervisors s
    JOIN assignments asg ON asg.supervisor_id = s.id AND asg.deleted_at IS NULL AND asg.role = '责任督学'
    WHERE s.deleted_at IS NULL AND s.status = '在聘' ORDER BY s.name_pinyin, s.id LIMIT 4`).all() as { id: number; name: string; certNo: string | null }[];
  const schoolsOf = a.db.prepare(`SELECT sc.full_name FROM assignments asg JOIN schools sc ON sc.id = asg.school_id AND sc.deleted_at IS NULL
    WHERE asg.supervisor_id = ? AND asg.deleted_at IS NULL ORDER BY sc.name_pinyin`).pluck();
  const taken = a.db.prepare(`SELECT 1 FROM visits v JOIN visit_supervisors vs ON vs.visit_id = v.id AND vs.supervisor_id = ?
    JOIN schools sc ON sc.id = v.school_id WHERE sc.full_name = ? AND v.date = ? AND v.deleted_at IS NULL`);
  const theirs = a.db.prepare(`SELECT v.date, sc.full_name AS school FROM visits v JOIN visit_supervisors vs ON vs.visit_id = v.id AND vs.supervisor_id = ?
    JOIN schools sc ON sc.id = v.school_id WHERE v.date >= ? AND v.date <= ? AND v.deleted_at IS NULL ORDER BY v.date DESC LIMIT 1`);
  return people.map((p, k) => {
    const schools = schoolsOf.all(p.id) as string[];
    const visits: DemoReturn['visits'] = [];
    for (let n = 0; n < 3; n++) {
      const school = schools[n % schools.length];
      // A recent day of the term with no record of theirs at that school yet.
      let date: string | null = null;
      for (let tries = 0; tries < 30 && !date; tries++) {
        const d = addDays(today, -rng.int(1, 45));
        if (d >= term.from && !taken.get(p.id, school, d) && !visits.some((v) => v.values.督导日期 === d && v.values.学校 === school)) date = d;
      }
      if (!date) continue;
      const i = rng.int(0, NARRATIVES.length - 1);
      const problem = n === 1 ? PROBLEMS[k % PROBLEMS.length] : null;
      visits.push({
        photo: k === 0 && n === 0,
        values: {
          督导日期: date, 学校: school, 督导类型: '经常性', 督导方式一: '巡视校园', 督导方式二: rng.pick(['查阅资料', '随机听课', '座谈走访']),
          督导事项一: items[rng.int(0, items.length - 1)], 督导纪实: k === 0 && n === 2 ? '' : NARRATIVES[i], 亮点: HIGHLIGHTS[i],
          现场反馈: '已向学校校长现场反馈督导情况，提出改进建议。',
          ...(problem ? { 问题: problem[0], 问题类别: items.includes(problem[1]) ? problem[1] : items[0], 整改期限: addDays(date, 30) } : {}),
        },
      });
    }
    // The second supervisor also copied a visit the office had already typed in: the import finds it.
    const typed = k === 1 ? theirs.get(p.id, term.from, today) as { date: string; school: string } | undefined : undefined;
    if (typed) visits.push({ photo: false, values: { 督导日期: typed.date, 学校: typed.school, 督导纪实: NARRATIVES[0] } });
    return { supervisorId: p.id, name: p.name, certNo: p.certNo, from: term.from, to: term.to, schools, visits };
  });
}

/** Write the files into the data folder's DEMO_FORMS_FOLDER; returns the folder. */
export function writeDemoFiles(a: Store, files: { fileName: string; bytes: Buffer }[]): string {
  const folder = path.join(a.dataFolder, DEMO_FORMS_FOLDER);
  fs.mkdirSync(folder, { recursive: true });
  for (const f of files) fs.writeFileSync(path.join(folder, f.fileName), f.bytes);
  return folder;
}

/** The folder of the demo's returned forms, when the data folder has it. */
export function demoFormsFolder(a: Store): string | null {
  const folder = path.join(a.dataFolder, DEMO_FORMS_FOLDER);
  return fs.existsSync(folder) ? folder : null;
}
