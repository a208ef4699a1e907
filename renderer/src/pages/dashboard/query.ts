/** The 首页概览's period and zone from its URL (?year=&month=&zoneId=): this month by default. */
export function dashboardQuery(params: URLSearchParams, now = new Date()): { year: number; month?: number; zoneId?: number } {
  const year = Number(params.get('year')) || now.getFullYear();
  const month = params.has('month') ? Number(params.get('month')) || undefined : now.getMonth() + 1;
  const zoneId = Number(params.get('zoneId')) || undefined;
  return { year, month, zoneId };
}
