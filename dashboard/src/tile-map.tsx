import type { GridValue } from '../../publish/client/grid.ts';
import { formatValue } from '../../publish/format.ts';
import type { TileLayout } from './tiles.ts';

/**
 * One indicator of the district comparison (its one year) as a tile map: each district a square at its layout's
 * place, coloured met / not met like the grid, with its value and marks.
 */
export function TileMap(props: {
  /** The indicator's value of a district, by its code. */
  cell: (region: string) => GridValue | undefined;
  indicator: { displayFactor: number; decimals: number };
  layout: TileLayout;
  names: Map<string, string>;
  cellState: (v: GridValue) => { className: string; marks: string };
}) {
  const { layout } = props;
  const columns = Math.max(...Object.values(layout).map(([c]) => c)) + 1;
  return (
    <div id="map" class="tilemap" style={{ gridTemplateColumns: `repeat(${columns}, 4.6rem)` }}>
      {[...props.names.keys()].map((region) => {
        const place = layout[region];
        if (!place) return null;
        const v = props.cell(region);
        const state = v ? props.cellState(v) : { className: 'missing', marks: '' };
        return (
          <div
            class={`tile ${state.className}`}
            data-region={region}
            style={{ gridColumn: place[0] + 1, gridRow: place[1] + 1 }}
            title={props.names.get(region) ?? region}
          >
            <span class="name">{props.names.get(region) ?? region}</span>
            <span class="value">
              {formatValue(v?.value, props.indicator)}
              {state.marks && <sup class="mark">{state.marks}</sup>}
            </span>
          </div>
        );
      })}
    </div>
  );
}
