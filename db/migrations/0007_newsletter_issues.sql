CREATE TABLE `email_templates` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`subject` text NOT NULL,
	`html` text NOT NULL,
	`text` text NOT NULL,
	`headers` text DEFAULT '{}' NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL
);
--> statement-breakpoint
CREATE TABLE `newsletter_issue_articles` (
	`issue_id` integer NOT NULL,
	`article_id` integer NOT NULL,
	`position` integer NOT NULL,
	PRIMARY KEY(`issue_id`, `article_id`),
	FOREIGN KEY (`issue_id`) REFERENCES `newsletter_issues`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`article_id`) REFERENCES `articles`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `newsletter_issues` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`subject` text NOT NULL,
	`intro` text DEFAULT '' NOT NULL,
	`status` text DEFAULT 'draft' NOT NULL,
	`created_by` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`send_started_at` integer,
	`sent_by` text,
	`recipient_count` integer,
	`template_id` integer,
	`queued_through_subscriber_id` integer DEFAULT 0 NOT NULL,
	`queued_at` integer,
	FOREIGN KEY (`template_id`) REFERENCES `email_templates`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE INDEX `newsletter_issues_status_idx` ON `newsletter_issues` (`status`,`send_started_at`);--> statement-breakpoint
CREATE TABLE `webhook_events` (
	`id` text PRIMARY KEY NOT NULL,
	`type` text NOT NULL,
	`received_at` integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE `email_outbox` ADD `group_key` text;--> statement-breakpoint
ALTER TABLE `email_outbox` ADD `template_id` integer REFERENCES email_templates(id);--> statement-breakpoint
ALTER TABLE `email_outbox` ADD `vars` text;--> statement-breakpoint
ALTER TABLE `email_outbox` ADD `provider_status` text;--> statement-breakpoint
ALTER TABLE `email_outbox` ADD `provider_status_at` integer;--> statement-breakpoint
CREATE INDEX `email_outbox_group_status_idx` ON `email_outbox` (`group_key`,`status`);--> statement-breakpoint
CREATE INDEX `email_outbox_provider_id_idx` ON `email_outbox` (`provider_id`);