import { useEffect, useRef } from 'react'
import { groupbuyContract } from '@contracts/groupbuy.contract'
import { callFn } from '@/services/call-fn'
import { groupEnterCloudId } from '@/services/group-enter'

/**
 * Opened from a steward's card (the path carries stewardId): remember the touch once per page open, with
 * the WeChat group when the card was opened inside one. Failures are ignored — the page works regardless.
 */
export function useShareTouch(params: Record<string, string | undefined>): void {
  const done = useRef(false)
  useEffect(() => {
    const { campaignId, stewardId } = params
    if (done.current || !campaignId || !stewardId) return
    done.current = true
    void (async () => {
      const groupCloudId = (await groupEnterCloudId(params)) ?? undefined
      await callFn(groupbuyContract, 'recordTouch', { campaignId, stewardId, ...(groupCloudId ? { groupCloudId } : {}) })
    })().catch(() => undefined)
  }, [params])
}
