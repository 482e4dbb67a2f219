/**
 * The map of Mali by region as an SVG choropleth (no tiles, nothing from another origin),
 * for the desk's dashboard and the public page. The model comes from @kenekanko/charts
 * (projection, classes, folding); this only draws it. Every word arrives through props, so
 * each page passes its own catalogue's strings.
 *
 * Accessibility: the SVG is one image named by `title`; the figures themselves must also be
 * given as text (each page puts a table beside the map). Each region carries `data-iso`,
 * `data-class` and its fill, which the browser tests compare with the legend.
 */
import { useId } from 'preact/hooks';
import type { Choropleth, LegendClass, MaliMap, RegionShape } from '@kenekanko/charts';
import './charts.css';

export type MaliMapViewProps = {
  readonly map: MaliMap;
  /** Value of each polygon, by ISO code (see polygonValues). */
  readonly values: ReadonlyMap<string, number | null>;
  readonly choropleth: Choropleth;
  /** The map's accessible name, e.g. "Alertes par région". */
  readonly title: string;
  /** The tooltip of one region, e.g. "Gao (avec Ménaka) : 15". */
  readonly regionText: (shape: RegionShape, value: number | null) => string;
  /** The figure written on a region ("15", "< 5"). */
  readonly valueText: (value: number | null) => string;
  readonly legendTitle: string;
  /** Under the map: what it shows and which places are folded into which. */
  readonly caption?: string;
  readonly testId?: string;
};

/** Dark classes get light figures so the text stays readable on them. */
const DARK_CLASSES: ReadonlySet<string> = new Set(['c4', 'c5']);

function RegionPath(props: { readonly shape: RegionShape; readonly value: number | null; readonly cls: LegendClass; readonly hatch: string; readonly text: string }) {
  const { shape, cls } = props;
  return (
    <g>
      <path d={shape.d} fill={cls.fill} fill-rule="evenodd" class="mali-map__region" data-iso={shape.iso} data-class={cls.key} data-place-ids={shape.placeIds.join(' ')}>
        <title>{props.text}</title>
      </path>
      {cls.pattern === 'hatch' && <path d={shape.d} fill={`url(#${props.hatch})`} fill-rule="evenodd" class="mali-map__hatch" aria-hidden="true" />}
    </g>
  );
}

export function ChoroplethLegend(props: { readonly title: string; readonly classes: readonly LegendClass[]; readonly testId?: string }) {
  return (
    <div class="chart-legend" data-testid={props.testId}>
      <p class="chart-legend__title">{props.title}</p>
      <ul class="chart-legend__list">
        {props.classes.map((c) => (
          <li key={c.key} class="chart-legend__item" data-class={c.key} data-fill={c.fill} data-min={c.min ?? ''} data-max={c.max ?? ''}>
            <span class={`chart-legend__swatch${c.pattern === 'hatch' ? ' chart-legend__swatch--hatch' : ''}`} style={{ background: c.fill }} aria-hidden="true" />
            <span>{c.text}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}

export function MaliMapView(props: MaliMapViewProps) {
  const id = useId();
  const titleId = `${id}-title`;
  const hatch = `${id}-hatch`;
  const { map } = props;
  const classOf = (shape: RegionShape): LegendClass | undefined => props.choropleth.classOf.get(shape.iso);
  return (
    <figure class="mali-map" data-testid={props.testId}>
      <svg class="mali-map__svg" viewBox={`0 0 ${map.width} ${map.height}`} role="img" aria-labelledby={titleId}>
        <title id={titleId}>{props.title}</title>
        <defs>
          <pattern id={hatch} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
            <line x1="0" y1="0" x2="0" y2="6" stroke="#595959" stroke-width="1.5" />
          </pattern>
        </defs>
        {map.shapes.map((shape) => {
          const cls = classOf(shape);
          if (cls === undefined) return null;
          const value = props.values.get(shape.iso) ?? null;
          return <RegionPath key={shape.iso} shape={shape} value={value} cls={cls} hatch={hatch} text={props.regionText(shape, value)} />;
        })}
        <g aria-hidden="true">
          {map.shapes.map((shape) => {
            const cls = classOf(shape);
            if (cls === undefined) return null;
            const dark = DARK_CLASSES.has(cls.key);
            return (
              <text key={shape.iso} x={shape.label.x} y={shape.label.y} class={`mali-map__figure${dark ? ' mali-map__figure--on-dark' : ''}`} text-anchor="middle" dominant-baseline="middle">
                {props.valueText(props.values.get(shape.iso) ?? null)}
              </text>
            );
          })}
        </g>
      </svg>
      <ChoroplethLegend title={props.legendTitle} classes={props.choropleth.classes} {...(props.testId === undefined ? {} : { testId: `${props.testId}-legend` })} />
      {props.caption !== undefined && <figcaption class="mali-map__caption">{props.caption}</figcaption>}
    </figure>
  );
}
