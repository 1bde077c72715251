import type { RegionYearResolvers, RetrofitProgress } from '../resolvers.generated.ts';
import { RETROFIT_SCHEDULE_JURISDICTION, retrofitRequiredShare } from '../rules.ts';

/**
 * econ's contribution to the shared RegionYear; `__resolveReference` and `region` come from
 * lib/subgraph/regions.ts. A province's progress is the ratio of sums over all its districts.
 */
export const RegionYear: RegionYearResolvers = {
  retrofitProgress: async (ref, _, { regions, loaders }): Promise<RetrofitProgress | null> => {
    if (!regions.find(ref.regionCode)) return null;
    const lists = await loaders.retrofitScheduleByRegion.loadMany(regions.selfAndDescendants(ref.regionCode));
    const listed = lists.flatMap((list) => {
      if (list instanceof Error) throw list;
      return list.filter((p) => p.status !== 'WITHDRAWN');
    });
    if (listed.length === 0) return null;
    const completed = listed.filter((p) => p.completedYear !== null && p.completedYear <= ref.year).length;
    const completedShare = completed / listed.length;
    const requiredShare = retrofitRequiredShare(ref.year);
    const binding = regions.selfAndDescendants(RETROFIT_SCHEDULE_JURISDICTION).includes(ref.regionCode);
    return {
      listed: listed.length,
      completed,
      completedShare,
      requiredShare,
      jurisdiction: RETROFIT_SCHEDULE_JURISDICTION,
      binding,
      onSchedule: binding ? completedShare >= requiredShare : null,
    };
  },
};
