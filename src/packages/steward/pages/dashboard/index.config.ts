// enableShareAppMessage: without it WeChat ignores useShareAppMessage and the share button does nothing.
export default definePageConfig({ navigationBarTitleText: '我的业绩', enablePullDownRefresh: true, enableShareAppMessage: true })
