// Labels the office reads on documents and pages, one definition each.
import { chineseNumber } from './numbers';

/** A briefing's number: '2025年第3期（总第15期）'. */
export function issueLabel(year: number, issueNo: number, totalNo: number): string {
  return `${year}年第${issueNo}期（总第${totalNo}期）`;
}

/** A notice's number: '〔2025〕第12号'. */
export function noticeNumberText(year: number, number: number): string {
  return `〔${year}〕第${number}号`;
}

/** A collection's volume after its title: '（第二册）', or nothing for a single volume. */
export function volumeLabel(volume: number | null): string {
  return volume ? `（第${chineseNumber(volume)}册）` : '';
}
