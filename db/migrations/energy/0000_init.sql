CREATE SCHEMA "energy";
--> statement-breakpoint
CREATE TABLE "energy"."observation" (
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
CREATE TABLE "energy"."pv_installation" (
	"id" text PRIMARY KEY NOT NULL,
	"region_code" text NOT NULL,
	"enterprise_uscc" text NOT NULL,
	"capacity_kw" double precision NOT NULL,
	"commissioned_on" date NOT NULL,
	"on_roof" boolean NOT NULL,
	"roof_area_m2" double precision
);
--> statement-breakpoint
CREATE TABLE "energy"."region" (
	"code" text PRIMARY KEY NOT NULL,
	"name_zh" text NOT NULL,
	"name_en" text NOT NULL,
	"level" text NOT NULL,
	"parent_code" text
);
--> statement-breakpoint
CREATE INDEX "observation_subject_id_year_index" ON "energy"."observation" USING btree ("subject_id","year");--> statement-breakpoint
CREATE INDEX "pv_installation_region_code_index" ON "energy"."pv_installation" USING btree ("region_code");--> statement-breakpoint
CREATE INDEX "pv_installation_enterprise_uscc_index" ON "energy"."pv_installation" USING btree ("enterprise_uscc");--> statement-breakpoint
CREATE INDEX "pv_installation_commissioned_on_index" ON "energy"."pv_installation" USING btree ("commissioned_on");--> statement-breakpoint
CREATE INDEX "region_parent_code_index" ON "energy"."region" USING btree ("parent_code");