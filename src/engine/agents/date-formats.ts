/**
 * How dates are written (My profile > Customization: "format de la date"): `iso` 2025-01-15,
 * `us` 01/15/2025, `eu` 15/01/2025. The tenant sets the default, an agent's profile their own.
 */
export const DATE_FORMATS = ['iso', 'us', 'eu'] as const;
export type DateFormat = (typeof DATE_FORMATS)[number];
