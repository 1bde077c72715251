import { describe, expect, it } from 'vitest';
import { commsMetrics } from '../../subgraphs/comms/metrics.ts';

describe('comms metric definitions', () => {
  it('declares the four metrics comms reports, each filed under its own code', () => {
    expect(Object.keys(commsMetrics).sort()).toEqual(['INFORMATION_TRAFFIC_GB', 'RACKS_IN_USE', 'TELECOM_BUSINESS_VOLUME_10K_CNY', 'TRAFFIC_5G_GB']);
    for (const [key, metric] of Object.entries(commsMetrics)) expect(metric.code).toBe(key);
  });

  it('treats racks in use as a per-data-centre stock, so a year keeps its last report rather than a sum', () => {
    expect(commsMetrics.RACKS_IN_USE).toMatchObject({ subjectKind: 'DATA_CENTER', aggregation: 'STOCK', periodicity: 'ANNUAL', unit: 'racks' });
  });

  it('treats traffic and business volume as yearly region flows, reported for a region of any level', () => {
    for (const metric of [commsMetrics.INFORMATION_TRAFFIC_GB, commsMetrics.TRAFFIC_5G_GB, commsMetrics.TELECOM_BUSINESS_VOLUME_10K_CNY]) {
      expect(metric).toMatchObject({ subjectKind: 'REGION', aggregation: 'FLOW', periodicity: 'ANNUAL' });
      // A province's own figure is its figure (DOMAIN.md semantics 9): no level is imposed.
      expect(metric).not.toHaveProperty('subjectLevel');
    }
    expect(commsMetrics.INFORMATION_TRAFFIC_GB.unit).toBe('GB');
    expect(commsMetrics.TELECOM_BUSINESS_VOLUME_10K_CNY.unit).toBe('10k CNY');
  });
});
