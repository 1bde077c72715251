CREATE TABLE "energy"."import_batch" (
	"id" uuid PRIMARY KEY NOT NULL,
	"operation" text NOT NULL,
	"idempotency_key" text,
	"request_hash" text NOT NULL,
	"author" text NOT NULL,
	"author_agency" text NOT NULL,
	"source_system" text,
	"recorded_at" timestamp with time zone NOT NULL,
	"summary" jsonb NOT NULL,
	CONSTRAINT "import_batch_idempotency_key_unique" UNIQUE("idempotency_key")
);
--> statement-breakpoint
CREATE TABLE "energy"."register_revision" (
	"revision" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "energy"."register_revision_revision_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"entity" text NOT NULL,
	"entity_id" text NOT NULL,
	"data" jsonb NOT NULL,
	"deleted" boolean DEFAULT false NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"author" text NOT NULL,
	"author_agency" text NOT NULL,
	"source_system" text,
	"idempotency_key" text,
	"batch_id" uuid NOT NULL
);
--> statement-breakpoint
ALTER TABLE "energy"."observation" DROP CONSTRAINT "observation_metric_subject_id_period_pk";--> statement-breakpoint
ALTER TABLE "energy"."observation" ADD COLUMN "revision" bigint PRIMARY KEY NOT NULL GENERATED ALWAYS AS IDENTITY (sequence name "energy"."observation_revision_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1);--> statement-breakpoint
ALTER TABLE "energy"."observation" ADD COLUMN "deleted" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "energy"."observation" ADD COLUMN "superseded_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "energy"."observation" ADD COLUMN "author" text;--> statement-breakpoint
ALTER TABLE "energy"."observation" ADD COLUMN "author_agency" text;--> statement-breakpoint
ALTER TABLE "energy"."observation" ADD COLUMN "source_system" text;--> statement-breakpoint
ALTER TABLE "energy"."observation" ADD COLUMN "idempotency_key" text;--> statement-breakpoint
ALTER TABLE "energy"."observation" ADD COLUMN "batch_id" uuid;--> statement-breakpoint
CREATE INDEX "import_batch_recorded_at_index" ON "energy"."import_batch" USING btree ("recorded_at");--> statement-breakpoint
CREATE INDEX "register_revision_entity_entity_id_index" ON "energy"."register_revision" USING btree ("entity","entity_id");--> statement-breakpoint
CREATE INDEX "register_revision_updated_at_index" ON "energy"."register_revision" USING btree ("updated_at");--> statement-breakpoint
CREATE UNIQUE INDEX "observation_metric_subject_id_period_index" ON "energy"."observation" USING btree ("metric","subject_id","period") WHERE "energy"."observation"."superseded_at" is null;--> statement-breakpoint
CREATE INDEX "observation_updated_at_index" ON "energy"."observation" USING btree ("updated_at");