export default definePageConfig({ navigationBarTitleText: '加入社群', enablePullDownRefresh: true })
