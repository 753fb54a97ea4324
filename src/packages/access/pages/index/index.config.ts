export default definePageConfig({ navigationBarTitleText: '门禁通行', enablePullDownRefresh: true })
