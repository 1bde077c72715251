ALTER TABLE "bigdata"."observation" DROP COLUMN "author";--> statement-breakpoint
ALTER TABLE "bigdata"."observation" DROP COLUMN "author_agency";--> statement-breakpoint
ALTER TABLE "bigdata"."observation" DROP COLUMN "source_system";--> statement-breakpoint
ALTER TABLE "bigdata"."observation" DROP COLUMN "idempotency_key";