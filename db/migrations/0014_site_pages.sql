-- Trust pages written by editors (lib/site-pages), and an optional portrait for each author.
CREATE TABLE `site_pages` (
	`slug` text PRIMARY KEY NOT NULL,
	`title` text NOT NULL,
	`body` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`updated_by` text,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE `authors` ADD `photo_id` integer REFERENCES media(id) ON DELETE set null;