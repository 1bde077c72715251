CREATE SCHEMA "bigdata";
--> statement-breakpoint
CREATE TABLE "bigdata"."cluster" (
	"id" text PRIMARY KEY NOT NULL,
	"name_zh" text NOT NULL,
	"name_en" text NOT NULL,
	"province_code" text NOT NULL,
	"area_km2" double precision
);
--> statement-breakpoint
CREATE TABLE "bigdata"."data_center" (
	"id" text PRIMARY KEY NOT NULL,
	"name_zh" text NOT NULL,
	"operator_uscc" text NOT NULL,
	"region_code" text NOT NULL,
	"latitude" double precision,
	"longitude" double precision,
	"commissioned_on" date NOT NULL,
	"status" text NOT NULL,
	"closed_year" integer,
	"design_racks" integer NOT NULL,
	"build_type" text NOT NULL,
	"renovated_year" integer,
	"cluster_id" text,
	"zone_id" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "bigdata"."rack_retirement" (
	"data_center_id" text NOT NULL,
	"year" integer NOT NULL,
	"racks" integer NOT NULL,
	CONSTRAINT "rack_retirement_data_center_id_year_pk" PRIMARY KEY("data_center_id","year")
);
--> statement-breakpoint
CREATE TABLE "bigdata"."region" (
	"code" text PRIMARY KEY NOT NULL,
	"name_zh" text NOT NULL,
	"name_en" text NOT NULL,
	"level" text NOT NULL,
	"parent_code" text
);
--> statement-breakpoint
CREATE TABLE "bigdata"."zone" (
	"id" text PRIMARY KEY NOT NULL,
	"cluster_id" text NOT NULL,
	"name_zh" text NOT NULL,
	"name_en" text NOT NULL,
	"region_code" text NOT NULL,
	"start_up" boolean NOT NULL
);
--> statement-breakpoint
ALTER TABLE "bigdata"."data_center" ADD CONSTRAINT "data_center_cluster_id_cluster_id_fk" FOREIGN KEY ("cluster_id") REFERENCES "bigdata"."cluster"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bigdata"."data_center" ADD CONSTRAINT "data_center_zone_id_zone_id_fk" FOREIGN KEY ("zone_id") REFERENCES "bigdata"."zone"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bigdata"."rack_retirement" ADD CONSTRAINT "rack_retirement_data_center_id_data_center_id_fk" FOREIGN KEY ("data_center_id") REFERENCES "bigdata"."data_center"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bigdata"."zone" ADD CONSTRAINT "zone_cluster_id_cluster_id_fk" FOREIGN KEY ("cluster_id") REFERENCES "bigdata"."cluster"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "data_center_region_code_index" ON "bigdata"."data_center" USING btree ("region_code");--> statement-breakpoint
CREATE INDEX "data_center_cluster_id_index" ON "bigdata"."data_center" USING btree ("cluster_id");--> statement-breakpoint
CREATE INDEX "data_center_zone_id_index" ON "bigdata"."data_center" USING btree ("zone_id");--> statement-breakpoint
CREATE INDEX "data_center_operator_uscc_index" ON "bigdata"."data_center" USING btree ("operator_uscc");--> statement-breakpoint
CREATE INDEX "region_parent_code_index" ON "bigdata"."region" USING btree ("parent_code");--> statement-breakpoint
CREATE INDEX "zone_cluster_id_index" ON "bigdata"."zone" USING btree ("cluster_id");