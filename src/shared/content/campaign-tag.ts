import { z } from 'zod';

/**
 * What a campaign calls a screen in its analytics: `utm_source`, `utm_medium`, `utm_campaign`
 * on links marked `tagLink`. The pack has one; an event or a playlist may have its own, which
 * wins while it plays or happens (`effectiveCampaignTag`).
 */
export const campaignTag = z.strictObject({
  source: z.string().min(1),
  medium: z.string().min(1).optional(),
  campaign: z.string().min(1).optional(),
});
