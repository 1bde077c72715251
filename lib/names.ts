/** A name with its first letter upper-cased, as schema names are built from table entries: `comms` → `Comms`, `dataCenterPopulation` → `DataCenterPopulation`. */
export const capitalised = (name: string): string => `${name.charAt(0).toUpperCase()}${name.slice(1)}`;
