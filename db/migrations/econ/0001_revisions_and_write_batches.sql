CREATE TABLE "econ"."import_batch" (
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
CREATE TABLE "econ"."observation" (
	"revision" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "econ"."observation_revision_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"metric" text NOT NULL,
	"subject_kind" text NOT NULL,
	"subject_id" text NOT NULL,
	"period" text NOT NULL,
	"year" integer NOT NULL,
	"value" double precision NOT NULL,
	"status" text DEFAULT 'FINAL' NOT NULL,
	"comment" text,
	"deleted" boolean DEFAULT false NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"superseded_at" timestamp with time zone,
	"author" text,
	"author_agency" text,
	"source_system" text,
	"idempotency_key" text,
	"batch_id" uuid
);
--> statement-breakpoint
CREATE TABLE "econ"."register_revision" (
	"revision" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "econ"."register_revision_revision_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
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
CREATE INDEX "import_batch_recorded_at_index" ON "econ"."import_batch" USING btree ("recorded_at");--> statement-breakpoint
CREATE UNIQUE INDEX "observation_metric_subject_id_period_index" ON "econ"."observation" USING btree ("metric","subject_id","period") WHERE "econ"."observation"."superseded_at" is null;--> statement-breakpoint
CREATE INDEX "observation_subject_id_year_index" ON "econ"."observation" USING btree ("subject_id","year");--> statement-breakpoint
CREATE INDEX "observation_updated_at_index" ON "econ"."observation" USING btree ("updated_at");--> statement-breakpoint
CREATE INDEX "register_revision_entity_entity_id_index" ON "econ"."register_revision" USING btree ("entity","entity_id");--> statement-breakpoint
CREATE INDEX "register_revision_updated_at_index" ON "econ"."register_revision" USING btree ("updated_at");