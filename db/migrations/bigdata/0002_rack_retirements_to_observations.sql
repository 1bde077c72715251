-- Racks retired or replaced (退旧上新 / 腾换) become observations of the metric RACKS_RETIRED (one annual
-- value per data centre and year, subgraphs/bigdata/metrics.ts), revisioned like every other agency's
-- numbers. This copies what the rack_retirement table holds; the next migration drops that table.
INSERT INTO "bigdata"."observation" ("metric", "subject_kind", "subject_id", "period", "year", "value", "status", "source_system")
SELECT 'RACKS_RETIRED', 'DATA_CENTER', r."data_center_id", r."year"::text, r."year", r."racks", 'FINAL', 'migration:bigdata.rack_retirement'
FROM "bigdata"."rack_retirement" r
WHERE NOT EXISTS (
  SELECT 1 FROM "bigdata"."observation" o
  WHERE o."metric" = 'RACKS_RETIRED' AND o."subject_id" = r."data_center_id" AND o."period" = r."year"::text AND o."superseded_at" IS NULL
);
