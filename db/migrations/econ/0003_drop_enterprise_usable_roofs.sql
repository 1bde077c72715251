ALTER TABLE "econ"."enterprise" DROP CONSTRAINT "usable_roofs_non_negative";--> statement-breakpoint
ALTER TABLE "econ"."enterprise" DROP COLUMN "usable_roofs";