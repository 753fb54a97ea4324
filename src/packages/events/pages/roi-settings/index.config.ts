export default definePageConfig({ navigationBarTitleText: 'ROI 设置', enablePullDownRefresh: true })
