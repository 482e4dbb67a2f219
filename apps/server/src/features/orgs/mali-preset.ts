/**
 * The "Mali" preset (DESIGN §7): the authorities that receive cases, as editable recipient
 * organisations of kind 'authority'. They are created without keys: each one's first
 * liaison makes them in their browser, and the coalition signs them into the directory.
 */
export const MALI_PRESET = [
  { preset: 'mali:oclei', name: "OCLEI — Office central de lutte contre l'enrichissement illicite" },
  { preset: 'mali:centif', name: 'CENTIF — Cellule nationale de traitement des informations financières' },
  { preset: 'mali:argasc', name: 'ARGASC — Autorité de régulation de la gestion des actifs saisis et confisqués' },
  { preset: 'mali:pnef', name: 'PNEF — Pôle national économique et financier' },
  { preset: 'mali:cgsp', name: 'CGSP — Contrôle général des services publics' },
] as const;
