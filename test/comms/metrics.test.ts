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

  it('treats traffic and business volume as county-level yearly flows that add up over regions', () => {
    expect(commsMetrics.INFORMATION_TRAFFIC_GB).toMatchObject({ subjectKind: 'REGION', subjectLevel: 'COUNTY', aggregation: 'FLOW', periodicity: 'ANNUAL', unit: 'GB' });
    expect(commsMetrics.TRAFFIC_5G_GB).toMatchObject({ subjectKind: 'REGION', subjectLevel: 'COUNTY', aggregation: 'FLOW', periodicity: 'ANNUAL', unit: 'GB' });
    expect(commsMetrics.TELECOM_BUSINESS_VOLUME_10K_CNY).toMatchObject({ subjectKind: 'REGION', subjectLevel: 'COUNTY', aggregation: 'FLOW', periodicity: 'ANNUAL', unit: '10k CNY' });
  });
});
