export default definePageConfig({ navigationBarTitleText: '取消活动' })
