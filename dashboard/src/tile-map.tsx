import type { DashboardCubeQuery } from '../../publish/client/generated/graphql.ts';
import { formatValue } from '../../publish/format.ts';
import type { TileLayout } from './tiles.ts';

type Cube = NonNullable<DashboardCubeQuery['indicatorCube']>;

/**
 * One indicator of the district comparison (the cube's one year) as a tile map: each district a square at its
 * layout's place, coloured met / not met like the grid, with its value and marks.
 */
export function TileMap(props: {
  cube: Cube;
  code: string;
  indicator: { displayFactor: number; decimals: number };
  layout: TileLayout;
  names: Map<string, string>;
  cellState: (v: { value: number | null; meetsTarget: boolean | null; status: string | null; confidentiality: string }) => { className: string; marks: string };
}) {
  const { cube, code, layout } = props;
  const i = cube.indicatorCodes.indexOf(code);
  if (i < 0) return null;
  const columns = Math.max(...Object.values(layout).map(([c]) => c)) + 1;
  return (
    <div id="map" class="tilemap" style={{ gridTemplateColumns: `repeat(${columns}, 4.6rem)` }}>
      {cube.regionCodes.map((region, r) => {
        const place = layout[region];
        if (!place) return null;
        // Cell (i, r, y) of the cube is entry (i × R + r) × Y + y; one year here.
        const k = i * cube.regionCodes.length + r;
        const state = props.cellState({
          value: cube.values?.[k] ?? null,
          meetsTarget: cube.meetsTarget?.[k] ?? null,
          status: cube.statuses?.[k] ?? null,
          confidentiality: cube.confidentiality?.[k] ?? 'FREE',
        });
        return (
          <div
            class={`tile ${state.className}`}
            data-region={region}
            style={{ gridColumn: place[0] + 1, gridRow: place[1] + 1 }}
            title={props.names.get(region) ?? region}
          >
            <span class="name">{props.names.get(region) ?? region}</span>
            <span class="value">
              {formatValue(cube.values?.[k], props.indicator)}
              {state.marks && <sup class="mark">{state.marks}</sup>}
            </span>
          </div>
        );
      })}
    </div>
  );
}
