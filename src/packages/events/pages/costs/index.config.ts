export default definePageConfig({ navigationBarTitleText: '活动费用核销', enablePullDownRefresh: true })
