-- Trust pages written by editors (lib/site-pages), an optional portrait for each author, where in
-- the dashboard a staff log entry's subject is, and each outbox email's history (email_events).
CREATE TABLE `email_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`outbox_id` integer NOT NULL,
	`event` text NOT NULL,
	`detail` text,
	`at` integer NOT NULL,
	FOREIGN KEY (`outbox_id`) REFERENCES `email_outbox`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `email_events_outbox_idx` ON `email_events` (`outbox_id`,`at`);--> statement-breakpoint
CREATE TABLE `site_pages` (
	`slug` text PRIMARY KEY NOT NULL,
	`title` text NOT NULL,
	`body` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`updated_by` text,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE `authors` ADD `photo_id` integer REFERENCES media(id) ON DELETE set null;--> statement-breakpoint
ALTER TABLE `moderation_log` ADD `link` text;