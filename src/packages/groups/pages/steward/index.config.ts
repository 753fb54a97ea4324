export default definePageConfig({ navigationBarTitleText: '社群运营', enablePullDownRefresh: true })
