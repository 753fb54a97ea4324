export default definePageConfig({ navigationBarTitleText: '我的团购', enablePullDownRefresh: true })
