CREATE SCHEMA "econ";
--> statement-breakpoint
CREATE TABLE "econ"."application_scenario" (
	"id" text PRIMARY KEY NOT NULL,
	"category" text NOT NULL,
	"name" text NOT NULL,
	"selected_year" integer NOT NULL,
	"region_code" text NOT NULL,
	"enterprise_uscc" text
);
--> statement-breakpoint
CREATE TABLE "econ"."carbon_peak_pilot" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"type" text NOT NULL,
	"goal" text NOT NULL,
	"domains" text[] NOT NULL,
	"stage" text NOT NULL,
	"region_code" text NOT NULL,
	"applicant_name" text NOT NULL,
	"applicant_uscc" text,
	"application_year" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "econ"."designation" (
	"id" text PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"year" integer NOT NULL,
	"region_code" text NOT NULL,
	"data_center_id" text,
	"enterprise_uscc" text,
	"park_name" text,
	CONSTRAINT "designation_subject" CHECK (case "econ"."designation"."kind"
        when 'ZERO_CARBON_FACTORY' then "econ"."designation"."enterprise_uscc" is not null and "econ"."designation"."data_center_id" is null
        when 'ZERO_CARBON_PARK' then ("econ"."designation"."park_name" is not null or "econ"."designation"."enterprise_uscc" is not null) and "econ"."designation"."data_center_id" is null
        else "econ"."designation"."data_center_id" is not null
      end)
);
--> statement-breakpoint
CREATE TABLE "econ"."energy_assessment" (
	"id" text PRIMARY KEY NOT NULL,
	"uscc" text NOT NULL,
	"kind" text NOT NULL,
	"completed_on" date NOT NULL,
	"provider" text
);
--> statement-breakpoint
CREATE TABLE "econ"."energy_management_centre" (
	"uscc" text PRIMARY KEY NOT NULL,
	"established_on" date NOT NULL
);
--> statement-breakpoint
CREATE TABLE "econ"."enterprise" (
	"uscc" text PRIMARY KEY NOT NULL,
	"name_zh" text NOT NULL,
	"region_code" text NOT NULL,
	"sector" text NOT NULL,
	"usable_roofs" integer DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "usable_roofs_non_negative" CHECK ("econ"."enterprise"."usable_roofs" >= 0)
);
--> statement-breakpoint
CREATE TABLE "econ"."green_standard" (
	"id" text PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"title" text NOT NULL,
	"level" text NOT NULL,
	"published_year" integer NOT NULL,
	"region_code" text,
	CONSTRAINT "green_standard_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "econ"."region" (
	"code" text PRIMARY KEY NOT NULL,
	"name_zh" text NOT NULL,
	"name_en" text NOT NULL,
	"level" text NOT NULL,
	"parent_code" text
);
--> statement-breakpoint
CREATE TABLE "econ"."retrofit_project" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"region_code" text NOT NULL,
	"enterprise_uscc" text NOT NULL,
	"planned_year" integer NOT NULL,
	"completed_year" integer,
	"status" text NOT NULL,
	CONSTRAINT "retrofit_planned_year" CHECK ("econ"."retrofit_project"."planned_year" between 2022 and 2025),
	CONSTRAINT "retrofit_completed_iff_status" CHECK (("econ"."retrofit_project"."completed_year" is not null) = ("econ"."retrofit_project"."status" = 'COMPLETED'))
);
--> statement-breakpoint
ALTER TABLE "econ"."application_scenario" ADD CONSTRAINT "application_scenario_enterprise_uscc_enterprise_uscc_fk" FOREIGN KEY ("enterprise_uscc") REFERENCES "econ"."enterprise"("uscc") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "econ"."carbon_peak_pilot" ADD CONSTRAINT "carbon_peak_pilot_applicant_uscc_enterprise_uscc_fk" FOREIGN KEY ("applicant_uscc") REFERENCES "econ"."enterprise"("uscc") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "econ"."designation" ADD CONSTRAINT "designation_enterprise_uscc_enterprise_uscc_fk" FOREIGN KEY ("enterprise_uscc") REFERENCES "econ"."enterprise"("uscc") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "econ"."energy_assessment" ADD CONSTRAINT "energy_assessment_uscc_enterprise_uscc_fk" FOREIGN KEY ("uscc") REFERENCES "econ"."enterprise"("uscc") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "econ"."energy_management_centre" ADD CONSTRAINT "energy_management_centre_uscc_enterprise_uscc_fk" FOREIGN KEY ("uscc") REFERENCES "econ"."enterprise"("uscc") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "econ"."retrofit_project" ADD CONSTRAINT "retrofit_project_enterprise_uscc_enterprise_uscc_fk" FOREIGN KEY ("enterprise_uscc") REFERENCES "econ"."enterprise"("uscc") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "application_scenario_region_code_index" ON "econ"."application_scenario" USING btree ("region_code");--> statement-breakpoint
CREATE INDEX "application_scenario_enterprise_uscc_index" ON "econ"."application_scenario" USING btree ("enterprise_uscc");--> statement-breakpoint
CREATE INDEX "application_scenario_category_selected_year_index" ON "econ"."application_scenario" USING btree ("category","selected_year");--> statement-breakpoint
CREATE INDEX "carbon_peak_pilot_region_code_index" ON "econ"."carbon_peak_pilot" USING btree ("region_code");--> statement-breakpoint
CREATE INDEX "carbon_peak_pilot_type_stage_index" ON "econ"."carbon_peak_pilot" USING btree ("type","stage");--> statement-breakpoint
CREATE INDEX "designation_data_center_id_index" ON "econ"."designation" USING btree ("data_center_id");--> statement-breakpoint
CREATE INDEX "designation_enterprise_uscc_index" ON "econ"."designation" USING btree ("enterprise_uscc");--> statement-breakpoint
CREATE INDEX "designation_kind_year_index" ON "econ"."designation" USING btree ("kind","year");--> statement-breakpoint
CREATE INDEX "designation_region_code_index" ON "econ"."designation" USING btree ("region_code");--> statement-breakpoint
CREATE INDEX "energy_assessment_uscc_index" ON "econ"."energy_assessment" USING btree ("uscc");--> statement-breakpoint
CREATE INDEX "enterprise_region_code_index" ON "econ"."enterprise" USING btree ("region_code");--> statement-breakpoint
CREATE INDEX "enterprise_sector_index" ON "econ"."enterprise" USING btree ("sector");--> statement-breakpoint
CREATE INDEX "green_standard_published_year_index" ON "econ"."green_standard" USING btree ("published_year");--> statement-breakpoint
CREATE INDEX "region_parent_code_index" ON "econ"."region" USING btree ("parent_code");--> statement-breakpoint
CREATE INDEX "retrofit_project_region_code_planned_year_index" ON "econ"."retrofit_project" USING btree ("region_code","planned_year");--> statement-breakpoint
CREATE INDEX "retrofit_project_enterprise_uscc_index" ON "econ"."retrofit_project" USING btree ("enterprise_uscc");