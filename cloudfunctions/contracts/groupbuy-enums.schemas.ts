import { z } from 'zod'

/** Kept apart from groupbuy.contract.ts so the per-topic schema files can use them without an import cycle. */
export const campaignModeSchema = z.enum(['stock', 'presale'])
export const campaignStatusSchema = z.enum(['draft', 'open', 'closing', 'closed'])
export const campaignOutcomeSchema = z.enum(['formed', 'failed'])
