export default definePageConfig({ navigationBarTitleText: '活动 ROI', enablePullDownRefresh: true })
