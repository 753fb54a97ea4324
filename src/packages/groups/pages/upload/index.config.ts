export default definePageConfig({ navigationBarTitleText: '上传群二维码' })
