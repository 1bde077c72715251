CREATE SCHEMA "comms";
--> statement-breakpoint
CREATE TABLE "comms"."core_room" (
	"id" text PRIMARY KEY NOT NULL,
	"name_zh" text NOT NULL,
	"operator_id" text NOT NULL,
	"region_code" text NOT NULL,
	"renovated_year" integer
);
--> statement-breakpoint
CREATE TABLE "comms"."observation" (
	"metric" text NOT NULL,
	"subject_kind" text NOT NULL,
	"subject_id" text NOT NULL,
	"period" text NOT NULL,
	"year" integer NOT NULL,
	"value" double precision NOT NULL,
	"status" text DEFAULT 'FINAL' NOT NULL,
	"comment" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "observation_metric_subject_id_period_pk" PRIMARY KEY("metric","subject_id","period")
);
--> statement-breakpoint
CREATE TABLE "comms"."operator" (
	"id" text PRIMARY KEY NOT NULL,
	"name_zh" text NOT NULL,
	"name_en" text NOT NULL,
	"kind" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "comms"."region" (
	"code" text PRIMARY KEY NOT NULL,
	"name_zh" text NOT NULL,
	"name_en" text NOT NULL,
	"level" text NOT NULL,
	"parent_code" text
);
--> statement-breakpoint
CREATE TABLE "comms"."site_5g" (
	"id" text PRIMARY KEY NOT NULL,
	"operator_id" text NOT NULL,
	"region_code" text NOT NULL,
	"built_year" integer NOT NULL,
	"built_by_sharing" boolean NOT NULL,
	"base_stations" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "comms"."tower" (
	"id" text PRIMARY KEY NOT NULL,
	"region_code" text NOT NULL,
	"built_year" integer NOT NULL,
	"shared" boolean NOT NULL
);
--> statement-breakpoint
ALTER TABLE "comms"."core_room" ADD CONSTRAINT "core_room_operator_id_operator_id_fk" FOREIGN KEY ("operator_id") REFERENCES "comms"."operator"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "comms"."site_5g" ADD CONSTRAINT "site_5g_operator_id_operator_id_fk" FOREIGN KEY ("operator_id") REFERENCES "comms"."operator"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "core_room_region_code_index" ON "comms"."core_room" USING btree ("region_code");--> statement-breakpoint
CREATE INDEX "core_room_operator_id_index" ON "comms"."core_room" USING btree ("operator_id");--> statement-breakpoint
CREATE INDEX "observation_subject_id_year_index" ON "comms"."observation" USING btree ("subject_id","year");--> statement-breakpoint
CREATE INDEX "region_parent_code_index" ON "comms"."region" USING btree ("parent_code");--> statement-breakpoint
CREATE INDEX "site_5g_region_code_built_year_index" ON "comms"."site_5g" USING btree ("region_code","built_year");--> statement-breakpoint
CREATE INDEX "site_5g_operator_id_index" ON "comms"."site_5g" USING btree ("operator_id");--> statement-breakpoint
CREATE INDEX "tower_region_code_built_year_index" ON "comms"."tower" USING btree ("region_code","built_year");