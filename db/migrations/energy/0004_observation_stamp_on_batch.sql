ALTER TABLE "energy"."observation" DROP COLUMN "author";--> statement-breakpoint
ALTER TABLE "energy"."observation" DROP COLUMN "author_agency";--> statement-breakpoint
ALTER TABLE "energy"."observation" DROP COLUMN "source_system";--> statement-breakpoint
ALTER TABLE "energy"."observation" DROP COLUMN "idempotency_key";