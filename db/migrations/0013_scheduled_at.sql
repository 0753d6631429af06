-- The planned release of a scheduled article gets its own column, so scheduling never overwrites
-- the date an article was first published (published_at), and "ever published" is published_at
-- being set.
ALTER TABLE `articles` ADD `scheduled_at` integer;--> statement-breakpoint
UPDATE `articles` SET `scheduled_at` = `published_at`, `published_at` = NULL WHERE `status` = 'scheduled';--> statement-breakpoint
CREATE INDEX `articles_status_scheduled_idx` ON `articles` (`status`,`scheduled_at`);
