CREATE TABLE `commenter_credentials` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`commenter_id` integer NOT NULL,
	`token_hash` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`last_used_at` integer,
	`revoked_at` integer,
	FOREIGN KEY (`commenter_id`) REFERENCES `commenters`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `commenter_credentials_token_unique` ON `commenter_credentials` (`token_hash`);--> statement-breakpoint
CREATE INDEX `commenter_credentials_commenter_idx` ON `commenter_credentials` (`commenter_id`);--> statement-breakpoint
CREATE TABLE `commenters` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`email` text NOT NULL,
	`name` text,
	`proven_at` integer,
	`confirm_token_hash` text,
	`confirm_expires_at` integer,
	`confirm_sent_at` integer,
	`trust` text DEFAULT 'auto' NOT NULL,
	`trust_set_by` text,
	`trust_set_at` integer,
	`replies_off` integer DEFAULT false NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `commenters_email_unique` ON `commenters` (`email`);--> statement-breakpoint
CREATE UNIQUE INDEX `commenters_confirm_token_unique` ON `commenters` (`confirm_token_hash`);--> statement-breakpoint
CREATE TABLE `reply_notifications` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`reply_id` integer NOT NULL,
	`parent_id` integer NOT NULL,
	`commenter_id` integer NOT NULL,
	`created_at` integer NOT NULL,
	`emailed_at` integer,
	FOREIGN KEY (`reply_id`) REFERENCES `comments`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`parent_id`) REFERENCES `comments`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`commenter_id`) REFERENCES `commenters`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `reply_notifications_reply_unique` ON `reply_notifications` (`reply_id`);--> statement-breakpoint
CREATE INDEX `reply_notifications_commenter_idx` ON `reply_notifications` (`commenter_id`,`emailed_at`);--> statement-breakpoint
ALTER TABLE `comments` ADD `notify_replies` integer DEFAULT false NOT NULL;