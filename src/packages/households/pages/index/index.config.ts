export default definePageConfig({ navigationBarTitleText: '房屋与成员', enablePullDownRefresh: true })
