export default definePageConfig({ navigationBarTitleText: '团购订单', enablePullDownRefresh: true })
