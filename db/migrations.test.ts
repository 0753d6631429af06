import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { afterAll, describe, expect, it } from 'vitest';
import { migrationsFolder } from './migrate';
import * as schema from './schema';

// A migration that changes existing rows, run on a database made by the migrations before it.

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-migrations-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** A migrations folder holding the first `count` migrations of the real one. */
function migrationsUpTo(count: number): string {
  const folder = path.join(dir, `up-to-${count}`);
  fs.mkdirSync(path.join(folder, 'meta'), { recursive: true });
  const journal = JSON.parse(fs.readFileSync(path.join(migrationsFolder, 'meta', '_journal.json'), 'utf8'));
  journal.entries = journal.entries.slice(0, count);
  fs.writeFileSync(path.join(folder, 'meta', '_journal.json'), JSON.stringify(journal));
  for (const entry of journal.entries)
    fs.copyFileSync(path.join(migrationsFolder, `${entry.tag}.sql`), path.join(folder, `${entry.tag}.sql`));
  return folder;
}

describe('0010: one subscriber per address, in lower case', () => {
  it('merges spellings that differ in case, keeping the confirmed one, and cancels what was queued for the others', () => {
    const client = new Database(path.join(dir, 'case.db'));
    const db = drizzle({ client, schema });
    migrate(db, { migrationsFolder: migrationsUpTo(10) });

    const at = (minutes: number) => new Date(Date.UTC(2026, 10, 1, 9, minutes));
    // Raw SQL: today's schema has columns that a database at migration 0010 lacks.
    const add = (email: string, status: schema.SubscriberStatus, minutes: number) =>
      Number(
        client
          .prepare('INSERT INTO subscribers (email, status, unsubscribe_token, created_at, updated_at) VALUES (?, ?, ?, ?, ?)')
          .run(email, status, `token-${email}-${status}`, at(minutes).getTime(), at(minutes).getTime()).lastInsertRowid,
      );
    const pendingAnn = add('Ann@x.example', 'pending', 5);
    add('ann@x.example', 'confirmed', 1);
    add('ANN@X.EXAMPLE', 'unsubscribed', 9);
    add('Bob@x.example', 'pending', 1);
    add('bob@x.example', 'pending', 2);
    add('Cy@x.example', 'confirmed', 1);
    add('cy@x.example', 'complained', 1);
    add('Dee@x.example', 'confirmed', 1);
    // The outbox before 0010 lacks a column today's schema has, so this row is written in its old shape.
    client
      .prepare(
        `INSERT INTO email_outbox (kind, recipient, subject, html, text, ref) VALUES ('newsletter_confirm', 'Ann@x.example', 'Confirm', '<p>x</p>', 'x', ?)`,
      )
      .run(`subscriber:${pendingAnn}`);

    migrate(db, { migrationsFolder });

    const rows = db.select({ email: schema.subscribers.email, status: schema.subscribers.status }).from(schema.subscribers).all();
    expect(rows.sort((a, b) => a.email.localeCompare(b.email))).toEqual([
      { email: 'ann@x.example', status: 'confirmed' },
      // The newer of two pending spellings.
      { email: 'bob@x.example', status: 'pending' },
      // A complaint is never undone by another spelling's confirmation.
      { email: 'cy@x.example', status: 'complained' },
      { email: 'dee@x.example', status: 'confirmed' },
    ]);
    expect(db.select({ status: schema.emailOutbox.status }).from(schema.emailOutbox).all()).toEqual([{ status: 'cancelled' }]);
    client.close();
  });
});

describe('0011: one word per concept', () => {
  it('renames categories to sections, dek to summary and email templates to shared emails, keeping every row and the search index', () => {
    const client = new Database(path.join(dir, 'nouns.db'));
    client.pragma('foreign_keys = ON');
    const db = drizzle({ client, schema });
    migrate(db, { migrationsFolder: migrationsUpTo(11) });
    // The shape before 0011, written as it was.
    client.exec(`
      INSERT INTO authors (slug, name) VALUES ('ann', 'Ann');
      INSERT INTO categories (slug, name) VALUES ('data', 'Data');
      INSERT INTO articles (slug, title, dek, body, status, author_id, category_id, published_at)
        VALUES ('mainframe', 'Old mainframe', 'A standfirst about pensions', 'Body text.', 'published', 1, 1, 1);
      INSERT INTO email_templates (subject, html, text) VALUES ('Issue', '<p>x</p>', 'x');
      INSERT INTO email_outbox (kind, recipient, subject, html, text, template_id) VALUES ('newsletter_issue', 'a@x.example', 'Issue', '', '', 1);
    `);

    migrate(db, { migrationsFolder });

    expect(db.select({ slug: schema.sections.slug }).from(schema.sections).all()).toEqual([{ slug: 'data' }]);
    expect(db.select({ summary: schema.articles.summary, sectionId: schema.articles.sectionId }).from(schema.articles).all()).toEqual([
      { summary: 'A standfirst about pensions', sectionId: 1 },
    ]);
    expect(db.select({ sharedEmailId: schema.emailOutbox.sharedEmailId }).from(schema.emailOutbox).all()).toEqual([{ sharedEmailId: 1 }]);
    // The search index finds words of the summary, and follows later edits.
    const search = (word: string) => client.prepare('SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?').all(word);
    expect(search('pensions')).toEqual([{ rowid: 1 }]);
    client.prepare(`UPDATE articles SET summary = 'Now about payroll' WHERE id = 1`).run();
    expect(search('pensions')).toEqual([]);
    expect(search('summary:payroll')).toEqual([{ rowid: 1 }]);
    // The foreign keys follow the renamed table.
    expect(() => client.prepare('DELETE FROM sections WHERE id = 1').run()).toThrow(/FOREIGN KEY/);
    client.close();
  });
});
