export default definePageConfig({ navigationBarTitleText: '订单发票', enablePullDownRefresh: true })
