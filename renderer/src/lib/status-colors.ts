/** Colours of 完成情况 (calendar items) and of complaint / problem states, the same on every page. */
export const ITEM_STATUS_COLORS: Record<string, string> = { 未开始: 'gray', 进行中: 'blue', 已完成: 'green', 取消: 'dark' };
export const COMPLAINT_STATUS_COLORS: Record<string, string> = { 待处理: 'orange', 处理中: 'blue', 已办结: 'green' };
export const PROBLEM_STATUS_COLORS: Record<string, string> = { 待整改: 'orange', 整改中: 'blue', 待回查: 'grape', 已销号: 'green' };
export const CAMPAIGN_STATUS_COLORS: Record<string, string> = { 未开始: 'gray', 进行中: 'blue', 待总结: 'orange', 已完成: 'green' };
export const FOLLOWUP_RESULT_COLORS: Record<string, string> = { 巩固: 'green', 反弹: 'red' };
