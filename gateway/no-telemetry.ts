/**
 * @apollo/gateway reports usage to Apollo's servers unless `APOLLO_TELEMETRY_DISABLED` is set: on start it
 * probes cloud metadata endpoints (169.254.169.254, metadata.google.internal, …) to describe the host, and
 * sends metrics hourly and on stop. A government statistics service sends nothing off the machine unless
 * an operator configures it: off, unless `APOLLO_TELEMETRY_DISABLED=false` is set explicitly.
 */
export function disableApolloTelemetry(env: Record<string, string | undefined> = process.env): void {
  if (!env.APOLLO_TELEMETRY_DISABLED) env.APOLLO_TELEMETRY_DISABLED = 'true';
}
