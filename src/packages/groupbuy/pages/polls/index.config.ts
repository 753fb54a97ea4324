export default definePageConfig({ navigationBarTitleText: '严选预售', enablePullDownRefresh: true })
