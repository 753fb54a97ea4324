import Taro from '@tarojs/taro'

/**
 * WeChat only delivers a subscribe message the user agreed to, one per agreement: ask when the resident
 * files (or the technician opens the queue). Template ids come from the build env (TARO_APP_WX_TPL_*,
 * the same ids the function has as WX_TPL_*); without them, or on H5, there is nothing to ask.
 */
export async function askForRepairUpdates(kind: 'resident' | 'technician'): Promise<void> {
  if (process.env.TARO_ENV !== 'weapp') return
  const ids = (kind === 'resident' ? [process.env.TARO_APP_WX_TPL_REPAIR_STATUS] : [process.env.TARO_APP_WX_TPL_REPAIR_TASK]).filter((x): x is string => !!x)
  if (ids.length === 0) return
  try {
    await Taro.requestSubscribeMessage({ tmplIds: ids, entityIds: [] } as unknown as Taro.requestSubscribeMessage.Option)
  } catch {
    // Declined or not supported: the ticket works the same, only without cards.
  }
}
