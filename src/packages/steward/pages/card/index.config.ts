export default definePageConfig({ navigationBarTitleText: '网格管家', enableShareAppMessage: true })
