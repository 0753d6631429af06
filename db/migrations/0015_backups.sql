CREATE TABLE `backups` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`trigger` text NOT NULL,
	`status` text NOT NULL,
	`path` text NOT NULL,
	`started_at` integer NOT NULL,
	`finished_at` integer,
	`bytes` integer,
	`detail` text
);
--> statement-breakpoint
CREATE INDEX `backups_started_at_idx` ON `backups` (`started_at`);