export default definePageConfig({ navigationBarTitleText: '新建社群' })
