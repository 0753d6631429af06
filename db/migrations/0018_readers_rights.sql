CREATE TABLE `data_requests` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`email` text NOT NULL,
	`token_hash` text NOT NULL,
	`expires_at` integer NOT NULL,
	`opened_at` integer,
	`session_hash` text,
	`session_expires_at` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `data_requests_token_unique` ON `data_requests` (`token_hash`);--> statement-breakpoint
CREATE UNIQUE INDEX `data_requests_session_unique` ON `data_requests` (`session_hash`);--> statement-breakpoint
CREATE INDEX `data_requests_email_idx` ON `data_requests` (`email`);--> statement-breakpoint
CREATE INDEX `data_requests_expires_idx` ON `data_requests` (`expires_at`);--> statement-breakpoint
CREATE TABLE `email_suppressions` (
	`hash` text PRIMARY KEY NOT NULL,
	`reason` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL
);
--> statement-breakpoint
CREATE TABLE `subscriber_sections` (
	`subscriber_id` integer NOT NULL,
	`section_id` integer NOT NULL,
	PRIMARY KEY(`subscriber_id`, `section_id`),
	FOREIGN KEY (`subscriber_id`) REFERENCES `subscribers`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`section_id`) REFERENCES `sections`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `subscriber_sections_section_idx` ON `subscriber_sections` (`section_id`,`subscriber_id`);--> statement-breakpoint
ALTER TABLE `comments` ADD `erased_at` integer;--> statement-breakpoint
ALTER TABLE `newsletter_issues` ADD `section_id` integer REFERENCES sections(id);--> statement-breakpoint
ALTER TABLE `subscribers` ADD `all_sections` integer DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE `subscribers` ADD `paused_until` integer;--> statement-breakpoint
ALTER TABLE `subscribers` ADD `new_email` text;--> statement-breakpoint
ALTER TABLE `subscribers` ADD `new_email_token_hash` text;--> statement-breakpoint
ALTER TABLE `subscribers` ADD `new_email_expires_at` integer;--> statement-breakpoint
CREATE UNIQUE INDEX `subscribers_new_email_token_unique` ON `subscribers` (`new_email_token_hash`);