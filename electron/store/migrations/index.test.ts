import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LATEST_SCHEMA_VERSION, migrations } from './index';
import { openStore } from '../store';
import { emptyDb, migrateTo, objectNames, schemaSql, userVersion } from '../../testing/migrate-to';

describe('the migrations together', () => {
  it('are numbered 1, 2, 3 … in order, one file and one test file each', () => {
    expect(migrations.map((m) => m.version)).toEqual(migrations.map((_, i) => i + 1));
    expect(LATEST_SCHEMA_VERSION).toBe(migrations.length);
    const files = fs.readdirSync(__dirname);
    for (const m of migrations) {
      const base = `${String(m.version).padStart(3, '0')}-`;
      const source = files.filter((f) => f.startsWith(base) && !f.endsWith('.test.ts'));
      expect(source, `migration ${m.version}`).toHaveLength(1);
      expect(files, `migration ${m.version} (${m.name}) has no test`).toContain(source[0].replace(/\.ts$/, '.test.ts'));
    }
    expect(files.filter((f) => /^\d{3}-/.test(f) && !f.endsWith('.test.ts'))).toHaveLength(migrations.length);
  });

  it('apply all in one go on an empty database: user_version is the last, the schema is the same as one at a time, and as openStore builds', async () => {
    const all = migrateTo(LATEST_SCHEMA_VERSION);
    expect(userVersion(all)).toBe(LATEST_SCHEMA_VERSION);
    expect(all.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(all.pragma('foreign_key_check')).toEqual([]);
    expect(objectNames(all, 'table').length).toBeGreaterThan(30);

    const stepwise = emptyDb();
    for (let v = 1; v <= LATEST_SCHEMA_VERSION; v++) {
      migrateTo(v, stepwise);
      expect(userVersion(stepwise)).toBe(v);
    }
    expect(schemaSql(stepwise)).toEqual(schemaSql(all));

    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'dudao-migrations-'));
    try {
      const store = await openStore(folder);
      expect(userVersion(store.db)).toBe(LATEST_SCHEMA_VERSION);
      expect(schemaSql(store.db)).toEqual(schemaSql(all));
      store.close();
    } finally {
      fs.rmSync(folder, { recursive: true, force: true });
    }
    all.close();
    stepwise.close();
  });

  it('apply all pending ones in one transaction: when one fails, the ones before it in the batch are undone too', () => {
    const db = migrateTo(3);
    db.exec('CREATE INDEX visits_school_live ON visits(date)'); // a name migration 5 means to create
    const before = schemaSql(db);
    expect(() => migrateTo(5, db)).toThrow(/already exists/);
    expect(userVersion(db)).toBe(3);
    expect(schemaSql(db)).toEqual(before); // migration 4's tables and triggers are gone with it
    db.close();
  });
});
