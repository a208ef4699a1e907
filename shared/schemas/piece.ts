import { z } from 'zod';
import { blocks } from './blocks';
import { id, oneOf, optText, pageQuery, reqText } from './common';
import { uploadIdField } from './files';

export const PIECE_KINDS = ['案例', '学习心得', '论文', '调研报告'] as const;
export const PIECE_STATUSES = ['草稿', '已定稿'] as const;

export const pieceFields = z.object({
  kind: oneOf(PIECE_KINDS, '类型').describe('类型'),
  title: reqText(100).describe('标题'),
  authorId: id.nullish().transform((v) => v ?? null).describe('作者'),
  /** Free-text author when not a supervisor in the register (or several names). */
  authorName: optText(60).describe('作者姓名'),
  schoolId: id.nullish().transform((v) => v ?? null).describe('学校'),
  year: z.number({ error: '必须是年份' }).int('必须是年份').min(2000, '应在2000至2100之间').max(2100, '应在2000至2100之间').describe('年份'),
  status: oneOf(PIECE_STATUSES, '状态').default('草稿').describe('状态'),
  body: blocks.describe('正文'),
});
export type PieceFields = z.output<typeof pieceFields>;
export const pieceSave = z.object({ id: id.optional(), fields: pieceFields });

/** A piece; in `pieces.list` rows the body is left out (empty) to keep pages small: read it with `pieces.get`. */
export interface Piece extends PieceFields {
  id: number;
  authorDisplay: string;
  schoolName: string | null;
  /** Characters of text, for the list. */
  length: number;
  updatedAt: string;
}

export const pieceList = z.object({
  ...pageQuery,
  /** By year: newest first unless asked otherwise. */
  dir: z.enum(['asc', 'desc']).default('desc'),
  kind: z.enum(PIECE_KINDS).optional(),
  year: z.number().int().min(2000).max(2100).optional(),
  authorId: id.optional(),
  status: z.enum(PIECE_STATUSES).optional(),
});

export const collectionFields = z.object({
  title: reqText(60).describe('汇编名称'),
  kind: oneOf(PIECE_KINDS, '类型').describe('类型'),
  volume: z.number({ error: '必须是数字' }).int('必须是整数').min(1, '应在1至99之间').max(99, '应在1至99之间').nullish().transform((v) => v ?? null).describe('册次'),
  year: z.number({ error: '必须是年份' }).int('必须是年份').min(2000, '应在2000至2100之间').max(2100, '应在2000至2100之间').describe('年份'),
  preface: blocks.describe('前言'),
  /** The pieces in print order. */
  pieceIds: z.array(id).max(1000, '一册最多收录1000篇').refine((a) => new Set(a).size === a.length, '同一篇文章不能重复收录').describe('收录文章'),
});
export type CollectionFields = z.output<typeof collectionFields>;
export const collectionSave = z.object({ id: id.optional(), fields: collectionFields });

export interface Collection extends CollectionFields {
  id: number;
  pieces: { id: number; title: string; authorDisplay: string; status: (typeof PIECE_STATUSES)[number] }[];
  updatedAt: string;
}

// ---- Cases from where they are: Word files, and the records ----

/** One Word file, uploaded first (kind 'piece'), to import as a draft (the page sends the files one by one, with progress). */
export const pieceImport = z.object({
  uploadId: uploadIdField.describe('Word 文件'),
  kind: oneOf(PIECE_KINDS, '类型').default('案例').describe('类型'),
  year: pieceFields.shape.year,
});
export interface PieceImported {
  piece: Piece;
  /** What the user still has to know or do (no author read, a school not in the register, a picture left out …). */
  notes: string[];
}

/** A case the records suggest: a school's 亮点 of the year, or a notice's 整改 closed after a 回查. */
export interface CaseProposal {
  sourceKind: 'school' | 'notice';
  sourceId: number;
  title: string;
  schoolName: string;
  /** What it rests on, e.g. 6次督导记录的亮点 / 3个问题，经1次退回后整改销号. */
  summary: string;
  /** The latest date of the records it rests on. */
  date: string;
}
export const caseProposals = z.object({ year: pieceFields.shape.year });
export const caseDrafts = z.object({
  year: pieceFields.shape.year,
  kind: oneOf(PIECE_KINDS, '类型').default('案例').describe('类型'),
  sources: z.array(z.object({ sourceKind: z.enum(['school', 'notice']), sourceId: id })).min(1, '请至少选择一条').max(200, '一次最多200条').describe('素材'),
});
