export default definePageConfig({ navigationBarTitleText: '到家服务' })
