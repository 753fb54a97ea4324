export default definePageConfig({ navigationBarTitleText: '维修工作台', enablePullDownRefresh: true })
