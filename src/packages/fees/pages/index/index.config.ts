export default definePageConfig({ navigationBarTitleText: '物业缴费', enablePullDownRefresh: true })
