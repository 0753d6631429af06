CREATE TABLE `cache_purges` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`target` text NOT NULL,
	`tag` text NOT NULL,
	`requested_at` integer NOT NULL,
	`next_attempt_at` integer NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`claimed_at` integer,
	`claim_token` text,
	`last_error` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `cache_purges_target_tag_idx` ON `cache_purges` (`target`,`tag`);--> statement-breakpoint
CREATE INDEX `cache_purges_due_idx` ON `cache_purges` (`next_attempt_at`);