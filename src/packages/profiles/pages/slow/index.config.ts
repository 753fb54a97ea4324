export default definePageConfig({ navigationBarTitleText: '滞销商品' })
