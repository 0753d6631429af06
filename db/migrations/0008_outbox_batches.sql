ALTER TABLE `email_outbox` ADD `batch_key` text;--> statement-breakpoint
CREATE INDEX `email_outbox_batch_key_idx` ON `email_outbox` (`batch_key`);