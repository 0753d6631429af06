CREATE TABLE `comment_reports` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`comment_id` integer NOT NULL,
	`reason` text NOT NULL,
	`note` text,
	`ip_hash` text NOT NULL,
	`network_hash` text NOT NULL,
	`browser_hash` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`dismissed_at` integer,
	`dismissed_by` text,
	FOREIGN KEY (`comment_id`) REFERENCES `comments`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `comment_reports_comment_ip_idx` ON `comment_reports` (`comment_id`,`ip_hash`);--> statement-breakpoint
CREATE UNIQUE INDEX `comment_reports_comment_browser_idx` ON `comment_reports` (`comment_id`,`browser_hash`);--> statement-breakpoint
CREATE INDEX `comment_reports_open_idx` ON `comment_reports` (`dismissed_at`,`comment_id`);