/** Names of the Italian regions by ISTAT code (the directory API returns the code). */
export const REGION_NAMES: Record<string, string> = {
  '01': 'Piemonte',
  '02': 'Valle d’Aosta/Vallée d’Aoste',
  '03': 'Lombardia',
  '04': 'Trentino-Alto Adige/Südtirol',
  '05': 'Veneto',
  '06': 'Friuli-Venezia Giulia',
  '07': 'Liguria',
  '08': 'Emilia-Romagna',
  '09': 'Toscana',
  '10': 'Umbria',
  '11': 'Marche',
  '12': 'Lazio',
  '13': 'Abruzzo',
  '14': 'Molise',
  '15': 'Campania',
  '16': 'Puglia',
  '17': 'Basilicata',
  '18': 'Calabria',
  '19': 'Sicilia',
  '20': 'Sardegna',
};

export function regionName(o: { regionName?: string | null; regionCode?: string | null }): string | undefined {
  return o.regionName ?? (o.regionCode ? REGION_NAMES[o.regionCode] : undefined);
}
