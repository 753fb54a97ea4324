export default definePageConfig({ navigationBarTitleText: '推送设置' })
