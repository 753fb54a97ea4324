import { BRAND, MUTED } from './styles/tokens'
/**
 * Tabs live in the main package; every feature area is a subpackage so the main package stays small
 * (WeChat: 2 MB hard limit, our goal < 600 KB). One line per area: add your pages to your area's line.
 */
export default defineAppConfig({
  pages: ['pages/index/index', 'pages/services/index', 'pages/mine/index'],
  subPackages: [
    { root: 'packages/households', pages: ['pages/index/index', 'pages/bind/index', 'pages/members/index', 'pages/invite/index', 'pages/grid/index', 'pages/inbox/index', 'pages/notices/index', 'pages/notice/index'] },
    { root: 'packages/orders', pages: ['pages/index/index', 'pages/detail/index', 'pages/services/index'] },
    { root: 'packages/fees', pages: ['pages/index/index', 'pages/history/index', 'pages/receipt/index', 'pages/invoice/index'] },
    { root: 'packages/groupbuy', pages: ['pages/index/index', 'pages/detail/index', 'pages/confirm/index', 'pages/order/index', 'pages/orders/index', 'pages/pickup/index', 'pages/polls/index', 'pages/manage/index', 'pages/create/index', 'pages/poll-new/index'] },
    { root: 'packages/repairs', pages: ['pages/index/index', 'pages/new/index', 'pages/detail/index', 'pages/rate/index', 'pages/complete/index', 'pages/queue/index', 'pages/steward/index', 'pages/workbench/index'] },
    { root: 'packages/access', pages: ['pages/index/index', 'pages/visitors/index', 'pages/visitor/index', 'pages/log/index'] },
    { root: 'packages/groups', pages: ['pages/index/index', 'pages/steward/index', 'pages/upload/index', 'pages/bind/index', 'pages/create/index'] },
    { root: 'packages/steward', pages: ['pages/index/index', 'pages/arrears/index', 'pages/dashboard/index', 'pages/card/index'] },
    { root: 'packages/ops', pages: ['pages/index/index', 'pages/dashboard/index'] },
    { root: 'packages/events', pages: ['pages/index/index', 'pages/detail/index', 'pages/scan/index', 'pages/manage/index', 'pages/create/index', 'pages/live/index', 'pages/costs/index', 'pages/cost-new/index', 'pages/roi/index', 'pages/roi-settings/index', 'pages/cancel/index'] },
    { root: 'packages/merchants', pages: ['pages/workbench/index', 'pages/ops/index', 'pages/invoices/index', 'pages/order/index'] },
    { root: 'packages/profiles', pages: ['pages/segment/index', 'pages/push/index', 'pages/settings/index', 'pages/slow/index'] },
  ],
  window: {
    navigationBarTitleText: '阳光社区',
    // weapp draws its own bar; on H5 'default' turns on Taro's title bar with a back (or home) button on every page.
    navigationStyle: 'default',
    navigationBarBackgroundColor: '#ffffff',
    navigationBarTextStyle: 'black',
    backgroundColor: '#f5f6f7',
    backgroundTextStyle: 'dark',
  },
  tabBar: {
    color: MUTED,
    selectedColor: BRAND,
    backgroundColor: '#ffffff',
    borderStyle: 'white',
    list: [
      { pagePath: 'pages/index/index', text: '首页', iconPath: 'assets/tab/home.png', selectedIconPath: 'assets/tab/home-active.png' },
      { pagePath: 'pages/services/index', text: '服务', iconPath: 'assets/tab/services.png', selectedIconPath: 'assets/tab/services-active.png' },
      { pagePath: 'pages/mine/index', text: '我的', iconPath: 'assets/tab/mine.png', selectedIconPath: 'assets/tab/mine-active.png' },
    ],
  },
  lazyCodeLoading: 'requiredComponents',
})
