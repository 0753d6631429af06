-- Full-text index over published text. External-content FTS5: the text lives in `articles`,
-- triggers keep the index in step on every insert, update and delete.
CREATE VIRTUAL TABLE `articles_fts` USING fts5(
  title, dek, body,
  content='articles', content_rowid='id',
  tokenize='porter unicode61 remove_diacritics 2'
);
--> statement-breakpoint
CREATE TRIGGER `articles_fts_ai` AFTER INSERT ON `articles` BEGIN
  INSERT INTO articles_fts(rowid, title, dek, body) VALUES (new.id, new.title, new.dek, new.body);
END;
--> statement-breakpoint
CREATE TRIGGER `articles_fts_ad` AFTER DELETE ON `articles` BEGIN
  INSERT INTO articles_fts(articles_fts, rowid, title, dek, body) VALUES ('delete', old.id, old.title, old.dek, old.body);
END;
--> statement-breakpoint
CREATE TRIGGER `articles_fts_au` AFTER UPDATE OF title, dek, body ON `articles` BEGIN
  INSERT INTO articles_fts(articles_fts, rowid, title, dek, body) VALUES ('delete', old.id, old.title, old.dek, old.body);
  INSERT INTO articles_fts(rowid, title, dek, body) VALUES (new.id, new.title, new.dek, new.body);
END;
--> statement-breakpoint
INSERT INTO articles_fts(articles_fts) VALUES ('rebuild');
