export default definePageConfig({ navigationBarTitleText: '商户工作台', enablePullDownRefresh: true })
