/**
 * Drafting a campaign's 专项督导报告 from its facts (./facts.ts), as the briefing is drafted from a month's:
 * 基本情况, 主要成效, 存在问题, 整改要求及建议. Figures are the records'; the wording is the user's to edit.
 */
import type { Store } from '../store';
import { dateInWords, todayText } from '../../../shared/dates';
import { chineseNumber, percentText } from '../../../shared/numbers';
import type { Block } from '../../../shared/schemas/blocks';
import type { ReportSection } from '../../../shared/schemas/campaign';
import { campaignFacts, type CampaignFacts } from './facts';
import { getCampaign } from './repository';

const P = (text: string): Block => ({ type: 'paragraph', runs: [{ text }] });

/** 《文件》（文号） or 《文件》, or nothing. */
export function basisText(title: string | null, number: string | null): string {
  if (!title) return '';
  return `《${title.replace(/^《|》$/g, '')}》${number ? `（${number}）` : ''}`;
}

export function proposeReport(f: CampaignFacts): ReportSection[] {
  const basis = basisText(f.basisTitle, f.basisNumber);
  const team = f.leaders.length
    ? `督导组由${f.leaders.join('、')}任组长，共${f.members}名督学组成，`
    : f.members ? `督导组由${f.members}名督学组成，` : '';
  const methods = f.methods.slice(0, 5).map((m) => m.method);
  const items = f.checklist.length ? `，重点检查${f.checklist.slice(0, 8).join('、')}${f.checklist.length > 8 ? `等${f.checklist.length}项内容` : ''}` : '';
  const sections: ReportSection[] = [{
    title: '基本情况',
    blocks: [
      P(`${basis ? `根据${basis}要求，` : ''}${f.office}于${dateInWords(f.startDate)}至${dateInWords(f.endDate)}组织开展了${f.name}专项督导${items}。`),
      P(`${team}${methods.length ? `采取${methods.join('、')}等方式，` : ''}对${f.scopeLabel === '选定学校' ? '' : f.scopeLabel}${f.planned}所学校开展督导。`
        + `截至${dateInWords(f.on)}，已督导学校${f.checked}所，占计划的${percentText(f.checked, f.planned)}，形成督导记录${f.visits}份。`),
    ],
  }];

  sections.push({
    title: '主要成效',
    blocks: f.highlights.length
      ? f.highlights.slice(0, 12).map((h) => ({ type: 'paragraph', runs: [{ text: `${h.school}：`, bold: true }, { text: h.highlight }] }))
      : [P('（督导记录中尚未记下亮点，请根据督导情况补充。）')],
  });

  const owners = f.schools.filter((s) => s.raised).length + f.units.length;
  sections.push({
    title: '存在问题',
    blocks: f.raised === 0 ? [P('本次专项督导未发现需要整改的问题。')] : [
      P(`督导共发现问题${f.raised}个，涉及${owners}所学校（单位）。主要有：`),
      ...f.byCategory.flatMap(({ category, n, examples }, i): Block[] => [
        { type: 'heading', level: 2, text: `（${chineseNumber(i + 1)}）${category}（${n}个）` },
        { type: 'list', ordered: true, items: examples.map((e) => `${e.owner}：${e.description}`) },
      ]),
    ],
  });

  const requirements = [
    '对督导发现的问题，责任学校要逐项制定整改方案，明确整改责任人和整改时限，按期书面报告整改情况；责任督学要跟踪督促，逐项回查销号。',
    ...(f.units.length ? [`涉及${f.units.map((u) => u.name).join('、')}的问题，已以督导建议书、协商函等形式交办，请相关单位按时反馈办理情况。`] : []),
    ...(f.followupMonths ? [`问题整改销号${f.followupMonths}个月后，督导室将组织回头看，对整改反弹的问题重新交办，并视情况约谈、通报。`] : []),
    '建议将本次专项督导结果作为学校年度考核和评优评先的重要依据。',
  ];
  sections.push({
    title: '整改要求及建议',
    blocks: [
      P(`截至${dateInWords(f.on)}，已整改销号问题${f.closed}个，整改率${percentText(f.closed, f.raised)}。`),
      { type: 'list', ordered: true, items: requirements },
    ],
  });
  return sections;
}

/** The campaign's proposed report, its figures as of the report's date (today when it has none yet). */
export function draftReport(a: Store, id: number): ReportSection[] {
  const c = getCampaign(a, id);
  return proposeReport(campaignFacts(a, id, c.reportDate ?? todayText()));
}
