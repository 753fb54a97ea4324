export default definePageConfig({ navigationBarTitleText: '团购提货核销' })
