export interface Issue { id: string; file?: string; sample?: string; location?: { line: number; column: number } }
export interface Finding { issue: Issue; id: string; file: string; code: string; occurrence: number; fingerprint: string }
export interface Explanation { id: string; file: string; fingerprint: string; code: string; why: string }
export function normalizeCode(sample: unknown): string;
export function fingerprint(id: string, file: string, code: string, occurrence: number): string;
export function keyed(issues: Issue[], fileOf: (i: Issue) => string): Finding[];
export function parseExplanations(markdown: string): Explanation[];
export function match(findings: Finding[], rows: Explanation[]): { unexplained: Finding[]; stale: Explanation[] };
export function suggestRow(f: Finding): string;
