export default definePageConfig({ navigationBarTitleText: '报事报修', enablePullDownRefresh: true })
