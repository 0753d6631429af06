-- One word per concept: sections (not categories), an article's summary (not dek), and the
-- rendered email shared by many outbox rows (not a "template", which means a React Email file).
-- Renames keep every row; SQLite rewrites the foreign keys that name a renamed table or column.
ALTER TABLE `categories` RENAME TO `sections`;--> statement-breakpoint
DROP INDEX `categories_slug_unique`;--> statement-breakpoint
CREATE UNIQUE INDEX `sections_slug_unique` ON `sections` (`slug`);--> statement-breakpoint
ALTER TABLE `articles` RENAME COLUMN `category_id` TO `section_id`;--> statement-breakpoint
DROP INDEX `articles_category_published_idx`;--> statement-breakpoint
CREATE INDEX `articles_section_published_idx` ON `articles` (`section_id`,`status`,`published_at`);--> statement-breakpoint
-- The search index reads its columns from `articles` by name, so it is made again with `summary`.
DROP TRIGGER `articles_fts_ai`;--> statement-breakpoint
DROP TRIGGER `articles_fts_ad`;--> statement-breakpoint
DROP TRIGGER `articles_fts_au`;--> statement-breakpoint
DROP TABLE `articles_fts`;--> statement-breakpoint
ALTER TABLE `articles` RENAME COLUMN `dek` TO `summary`;--> statement-breakpoint
CREATE VIRTUAL TABLE `articles_fts` USING fts5(
  title, summary, body,
  content='articles', content_rowid='id',
  tokenize='porter unicode61 remove_diacritics 2'
);
--> statement-breakpoint
CREATE TRIGGER `articles_fts_ai` AFTER INSERT ON `articles` BEGIN
  INSERT INTO articles_fts(rowid, title, summary, body) VALUES (new.id, new.title, new.summary, new.body);
END;
--> statement-breakpoint
CREATE TRIGGER `articles_fts_ad` AFTER DELETE ON `articles` BEGIN
  INSERT INTO articles_fts(articles_fts, rowid, title, summary, body) VALUES ('delete', old.id, old.title, old.summary, old.body);
END;
--> statement-breakpoint
CREATE TRIGGER `articles_fts_au` AFTER UPDATE OF title, summary, body ON `articles` BEGIN
  INSERT INTO articles_fts(articles_fts, rowid, title, summary, body) VALUES ('delete', old.id, old.title, old.summary, old.body);
  INSERT INTO articles_fts(rowid, title, summary, body) VALUES (new.id, new.title, new.summary, new.body);
END;
--> statement-breakpoint
INSERT INTO articles_fts(articles_fts) VALUES ('rebuild');--> statement-breakpoint
ALTER TABLE `email_templates` RENAME TO `shared_emails`;--> statement-breakpoint
ALTER TABLE `email_outbox` RENAME COLUMN `template_id` TO `shared_email_id`;--> statement-breakpoint
ALTER TABLE `newsletter_issues` RENAME COLUMN `template_id` TO `shared_email_id`;
