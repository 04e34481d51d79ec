import { KIND_SCHEMAS, encodeObject } from '../apis/codec.js';
import { encodeValue } from '../apis/fields.js';
import { isKopsObject, type AdditionalObject, type Cluster, type InstanceGroup, type KopsKind, type KopsObject } from '../apis/types.js';
import { UserError } from '../errors.js';
import type { Writer } from './context.js';

export type OutputFormat = 'table' | 'yaml' | 'json';

export function parseOutputFormat<F extends OutputFormat = OutputFormat>(value: string, allowed: readonly F[] = ['table', 'yaml', 'json'] as F[]): F {
  const format = allowed.find((f) => f === value);
  if (format) return format;
  throw new UserError(`unknown output format "${value}"`, `use -o ${allowed.join(', -o ')}`);
}

/**
 * Columns as Go's text/tabwriter lays them out with tab padding (minwidth 0, tabwidth 8, padding 1), which is what
 * kops tables use: each column is as wide as its widest cell plus one, rounded up to a tab stop, and filled with tabs.
 * Rows are sorted by their cells, left to right.
 */
export function renderTable(headers: string[], rows: string[][]): string {
  const sorted = [...rows].sort((a, b) => {
    for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] < b[i] ? -1 : 1;
    return 0;
  });
  const all = [headers, ...sorted];
  const widths = headers.map((_, col) => Math.ceil((Math.max(...all.map((r) => r[col].length)) + 1) / 8) * 8);
  return all
    .map((row) =>
      row
        .map((cell, col) => {
          if (col === row.length - 1) return cell;
          return cell + '\t'.repeat(Math.ceil((widths[col] - cell.length) / 8));
        })
        .join(''),
    )
    .map((line) => line + '\n')
    .join('');
}

/** Zones of a cluster's subnets, sorted and de-duplicated: the ZONES column of `kops get clusters`. */
export function clusterZones(cluster: Cluster): string[] {
  return [...new Set((cluster.spec?.subnets ?? []).map((s) => s.zone).filter((z): z is string => !!z))].sort();
}

export function clusterTable(clusters: Cluster[]): string {
  return renderTable(
    ['NAME', 'CLOUD', 'ZONES'],
    clusters.map((c) => [c.metadata.name ?? '', c.spec?.cloudProvider ?? '', clusterZones(c).join(',')]),
  );
}

export function instanceGroupTable(cluster: Cluster | undefined, groups: InstanceGroup[]): string {
  return renderTable(
    ['NAME', 'ROLE', 'MACHINETYPE', 'MIN', 'MAX', 'ZONES'],
    groups.map((g) => [
      g.metadata.name ?? '',
      displayRole(g.spec?.role),
      g.spec?.machineType ?? '',
      g.spec?.minSize === undefined ? '-' : String(g.spec.minSize),
      g.spec?.maxSize === undefined ? '-' : String(g.spec.maxSize),
      instanceGroupZones(cluster, g).join(','),
    ]),
  );
}

/** The internal kops API calls the v1alpha2 role `Master` `ControlPlane`, and tables show the internal name. */
function displayRole(role: string | undefined): string {
  return role === 'Master' ? 'ControlPlane' : (role ?? '');
}

/** Zones an instance group runs in: its own `zones`, else the zones of its subnets. */
export function instanceGroupZones(cluster: Cluster | undefined, group: InstanceGroup): string[] {
  if (group.spec?.zones?.length) return [...group.spec.zones];
  const subnets = cluster?.spec?.subnets ?? [];
  const zones = (group.spec?.subnets ?? []).map((name) => subnets.find((s) => s.name === name)?.zone).filter((z): z is string => !!z);
  return [...new Set(zones)].sort();
}

type Printable = KopsObject | AdditionalObject;

/** Objects as `-o yaml` prints them: Go-compatible YAML documents separated as kops separates them. */
export function yamlDocuments(objects: Printable[]): string {
  return objects.map((o) => encodeObject(o)).join('\n---\n\n');
}

/** Objects as `-o json` prints them: one object alone, several in a JSON array. */
export function jsonDocuments(objects: Printable[]): string {
  const values = objects.map((o) => (isKopsObject(o) ? encodeValue({ ...o }, KIND_SCHEMAS[o.kind]) : o));
  return JSON.stringify(values.length === 1 ? values[0] : values, null, 2) + '\n';
}

export function writeObjects(out: Writer, objects: Printable[], format: 'yaml' | 'json'): void {
  out.write(format === 'yaml' ? yamlDocuments(objects) : jsonDocuments(objects));
}
