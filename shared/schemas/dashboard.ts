import { z } from 'zod';
import { id } from './common';

export const dashboardQuery = z.object({
  year: z.number({ error: '必须是年份' }).int().min(2000).max(2100),
  /** 1–12; absent means the whole year. */
  month: z.number().int().min(1).max(12).optional(),
  zoneId: id.optional(),
});

export interface Dashboard {
  period: { year: number; month: number | null; zoneId: number | null; from: string; to: string };
  coverage: { visited: number; total: number; notVisited: { id: number; name: string }[] };
  visitsBySupervisor: { supervisorId: number; name: string; visits: number }[];
  problemsByItem: { item: string; count: number }[];
  rectification: { raised: number; closed: number; rate: number; overdue: number };
  complaintsByTopic: { topic: string; count: number }[];
  calendarDue: { id: number; content: string; status: string; month: string; calendarId: number }[];
}

export const globalSearch = z.object({ q: z.string().trim().min(1, '请输入要搜索的内容').max(50), limit: z.number().int().min(1).max(50).default(10) });
export type SearchKind = 'supervisor' | 'school' | 'visit' | 'problem' | 'complaint' | 'calendarItem';
export interface SearchHit { kind: SearchKind; id: number; title: string; detail: string }
export interface SearchResult { groups: { kind: SearchKind; label: string; hits: SearchHit[]; total: number }[] }
