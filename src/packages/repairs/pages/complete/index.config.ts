export default definePageConfig({ navigationBarTitleText: '完成维修' })
