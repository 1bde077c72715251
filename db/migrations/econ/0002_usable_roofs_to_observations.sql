-- Usable roofs become observations of the metric USABLE_ROOFS (one annual value per enterprise and
-- year, subgraphs/econ/metrics.ts), revisioned like every other agency's numbers. The register column
-- held one undated figure that every year read, so it is copied into each year from 2020 (the
-- baseline) through the current one: indicator values stay what they were. The next migration drops
-- the column.
INSERT INTO "econ"."observation" ("metric", "subject_kind", "subject_id", "period", "year", "value", "status", "source_system")
SELECT 'USABLE_ROOFS', 'ENTERPRISE', e."uscc", y::text, y, e."usable_roofs", 'FINAL', 'migration:econ.enterprise.usable_roofs'
FROM "econ"."enterprise" e
CROSS JOIN generate_series(2020, extract(year from now())::int) AS y
WHERE NOT EXISTS (
  SELECT 1 FROM "econ"."observation" o
  WHERE o."metric" = 'USABLE_ROOFS' AND o."subject_id" = e."uscc" AND o."period" = y::text AND o."superseded_at" IS NULL
);
