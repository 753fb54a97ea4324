export default definePageConfig({ navigationBarTitleText: '发起严选征集' })
