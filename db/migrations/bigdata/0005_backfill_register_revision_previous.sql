-- Revisions recorded before `previous` existed: what a revision found is the state its prior
-- revision left, stamped with that revision's time (nothing after a deletion). An entry's first
-- revision keeps null, as if it had created the entry: whether it changed a seeded entry instead
-- was not recorded.
UPDATE "bigdata"."register_revision" AS r
SET "previous" = p."before"
FROM (
  SELECT "revision",
         CASE WHEN lag("deleted") OVER w THEN NULL ELSE lag("data") OVER w || jsonb_build_object('updatedAt', lag("updated_at") OVER w) END AS "before"
  FROM "bigdata"."register_revision"
  WINDOW w AS (PARTITION BY "entity", "entity_id" ORDER BY "revision")
) AS p
WHERE p."revision" = r."revision" AND r."previous" IS NULL AND p."before" IS NOT NULL;
