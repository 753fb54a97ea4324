import ComingSoon from '@/components/ComingSoon'

/** Placeholder landing page; the real page comes with issue #11. */
export default function StewardIndexPage() {
  return <ComingSoon title='管家工作台' issue='#11' offers={['网格住户与欠费提醒', '团购分享卡片与自提核销', '业绩与佣金']} />
}
