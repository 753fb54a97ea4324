/**
 * Stable codes of the profiles area (住户画像: scenario tags, interest scores, segments, targeted pushes).
 * Codes never change meaning; messages are what a steward or ops person reads.
 */
export const PROFILE_ERROR_MESSAGES = {
  'PROFILE.INTERACTION_INVALID': '互动记录不完整或不合法',
} as const

export type ProfileErrorCode = keyof typeof PROFILE_ERROR_MESSAGES
