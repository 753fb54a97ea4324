export default definePageConfig({ navigationBarTitleText: '精准推送' })
