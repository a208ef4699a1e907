// Where a record of each kind opens: one table for the global search and the 操作日志.

/** The page of a record, or null for kinds without one of their own (挂牌, 大事记条目 …). */
export function recordPath(kind: string, id: number, parentId: number | null = null): string | null {
  switch (kind) {
    case 'supervisor': return `/supervisors/${id}`;
    case 'school': return `/schools/${id}`;
    case 'zone': return `/zones/${id}`;
    case 'visit': return `/visits/${id}`;
    case 'problem': return `/problems/${id}`;
    case 'notice': return `/problems/notices/${id}`;
    case 'complaint': return `/complaints/${id}`;
    case 'calendar': return `/calendar?id=${id}`;
    case 'calendarItem': return parentId === null ? null : `/calendar?id=${parentId}&item=${id}`;
    case 'briefing': return `/briefings/${id}`;
    case 'piece': return `/pieces/${id}`;
    case 'collection': return `/pieces/collections/${id}`;
    case 'legacyFile': return `/year-close?tab=legacy&file=${id}`;
    case 'campaign': return `/campaigns/${id}`;
    case 'evaluation': return `/evaluations/${id}`;
    case 'indicatorSet': return `/evaluations/library/${id}`;
    default: return null;
  }
}
