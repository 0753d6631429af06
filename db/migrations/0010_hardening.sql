ALTER TABLE `email_outbox` ADD `body_removed_at` integer;--> statement-breakpoint
CREATE INDEX `email_outbox_sent_at_idx` ON `email_outbox` (`sent_at`);--> statement-breakpoint
-- Addresses are compared in lower case from now on (lib/newsletter/email.ts). Where two spellings
-- of one address were stored, one row stays: a bounced or complained one first (the mailbox must
-- not be written to again), else the confirmed one, else pending, else the most recently changed.
CREATE TEMP TABLE `merged_subscribers` AS
  SELECT s.`id` FROM `subscribers` s
  WHERE EXISTS (
    SELECT 1 FROM `subscribers` t
    WHERE lower(t.`email`) = lower(s.`email`) AND t.`id` <> s.`id` AND (
      (CASE t.`status` WHEN 'complained' THEN 0 WHEN 'bounced' THEN 1 WHEN 'confirmed' THEN 2 WHEN 'pending' THEN 3 ELSE 4 END)
        < (CASE s.`status` WHEN 'complained' THEN 0 WHEN 'bounced' THEN 1 WHEN 'confirmed' THEN 2 WHEN 'pending' THEN 3 ELSE 4 END)
      OR ((CASE t.`status` WHEN 'complained' THEN 0 WHEN 'bounced' THEN 1 WHEN 'confirmed' THEN 2 WHEN 'pending' THEN 3 ELSE 4 END)
            = (CASE s.`status` WHEN 'complained' THEN 0 WHEN 'bounced' THEN 1 WHEN 'confirmed' THEN 2 WHEN 'pending' THEN 3 ELSE 4 END)
          AND (t.`updated_at` > s.`updated_at` OR (t.`updated_at` = s.`updated_at` AND t.`id` < s.`id`)))
    )
  );--> statement-breakpoint
UPDATE `email_outbox` SET `status` = 'cancelled', `last_error` = 'another spelling of the address was kept'
  WHERE `status` = 'queued' AND `ref` IN (SELECT 'subscriber:' || `id` FROM `merged_subscribers`);--> statement-breakpoint
DELETE FROM `subscribers` WHERE `id` IN (SELECT `id` FROM `merged_subscribers`);--> statement-breakpoint
DROP TABLE `merged_subscribers`;--> statement-breakpoint
UPDATE `subscribers` SET `email` = lower(`email`) WHERE `email` <> lower(`email`);--> statement-breakpoint
UPDATE `comments` SET `author_email` = lower(`author_email`) WHERE `author_email` <> lower(`author_email`);
