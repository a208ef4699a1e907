import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { sql, sqlFragment, sqlJoin, sqlLiteral, sqlName } from './sql';

describe('the sql helper', () => {
  it('binds every value and keeps a fragment\'s parameters in their place', () => {
    const zone = sqlFragment`(${null} IS NULL OR z = ${null})`;
    const [text, params] = sql`SELECT ${1} WHERE a = ${'x'} AND ${zone} AND b = ${2}`;
    expect(text).toBe('SELECT ? WHERE a = ? AND (? IS NULL OR z = ?) AND b = ?');
    expect(params).toEqual([1, 'x', null, null, 2]);
  });

  it('joins fragments and values with their parameters in order', () => {
    const where = sqlJoin([sqlFragment`a = ${1}`, sqlFragment`b IN (${sqlJoin([2, 3])})`], ' AND ');
    expect(where.text).toBe('a = ? AND b IN (?, ?)');
    expect(where.params).toEqual([1, 2, 3]);
  });

  it('never pastes a value into the text: a quote in a value stays a value', () => {
    const db = new Database(':memory:');
    const evil = "x' OR 1=1 --";
    const [text, params] = sql`SELECT count(*) FROM (SELECT 'a' AS v) WHERE v = ${evil}`;
    expect(db.prepare(text).pluck().get(...params)).toBe(0);
    const [lit] = sql`SELECT ${sqlLiteral("it's")}`;
    expect(db.prepare(lit).pluck().get()).toBe("it's");
    db.close();
  });

  it('refuses undefined values and names that are not plain names', () => {
    expect(() => sqlFragment`a = ${undefined as unknown as null}`).toThrow(/undefined/);
    expect(sqlName('s.id').text).toBe('s.id');
    expect(() => sqlName('s.id; DROP TABLE s')).toThrow(/not a table or column name/);
    expect(() => sqlLiteral(Number.NaN)).toThrow();
  });
});
