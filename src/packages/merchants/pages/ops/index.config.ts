export default definePageConfig({ navigationBarTitleText: '商户与结算' })
