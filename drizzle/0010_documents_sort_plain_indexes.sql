DROP INDEX `documents_kind_date_idx`;--> statement-breakpoint
DROP INDEX `documents_date_idx`;--> statement-breakpoint
CREATE INDEX `documents_kind_created_idx` ON `documents` (`kind`,`created_at`);--> statement-breakpoint
CREATE INDEX `documents_kind_reference_idx` ON `documents` (`kind`,`reference`);--> statement-breakpoint
CREATE INDEX `documents_kind_date_idx` ON `documents` (`kind`,`document_date`,`created_at`);--> statement-breakpoint
CREATE INDEX `documents_date_idx` ON `documents` (`document_date`,`created_at`);