import { index, text, type PgSchema } from 'drizzle-orm/pg-core';

export const regionLevel = ['NATIONAL', 'PROVINCE', 'PREFECTURE', 'COUNTY'] as const;

/**
 * Each agency keeps its own copy of the GB/T 2260 code list. It is a shared classification (like
 * an SDMX codelist), not another agency's facts, and having it locally lets a subgraph validate
 * codes and expand region filters without calling anyone.
 */
export function regionTable(schema: PgSchema) {
  return schema.table(
    'region',
    {
      code: text('code').primaryKey(),
      nameZh: text('name_zh').notNull(),
      nameEn: text('name_en').notNull(),
      level: text('level', { enum: regionLevel }).notNull(),
      parentCode: text('parent_code'),
    },
    (t) => [index().on(t.parentCode)],
  );
}
