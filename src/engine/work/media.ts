/** The media an interaction comes in (DOMAIN.md). */
export const MEDIA = ['inbound_phone', 'outbound_phone', 'chat', 'email', 'voicemail'] as const;
export type Media = (typeof MEDIA)[number];
