export default definePageConfig({ navigationBarTitleText: '我的通行记录', enablePullDownRefresh: true })
