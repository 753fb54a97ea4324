export default definePageConfig({ navigationBarTitleText: '网格报修', enablePullDownRefresh: true })
