// Labels the office reads on documents and pages, one definition each.

/** A briefing's number: '2025年第3期（总第15期）'. */
export function issueLabel(year: number, issueNo: number, totalNo: number): string {
  return `${year}年第${issueNo}期（总第${totalNo}期）`;
}

/** A notice's number: '〔2025〕第12号'. */
export function noticeNumberText(year: number, number: number): string {
  return `〔${year}〕第${number}号`;
}
