import type { GroupKind } from '../../contracts/groups.contract'
import type { PlaybookDoc } from './group.model'

type Playbook = Pick<PlaybookDoc, 'welcome' | 'rules' | 'starterPlan' | 'autoReplies'>

/**
 * The onboarding programme every community starts with, per group kind. Ops can replace a kind's
 * programme for their community (collection group_playbooks, _id `<communityId>_<kind>`); until then
 * these defaults apply, so a new community is never without a script.
 */
const COMMON_RULES = [
  '本群为小区服务群，请文明发言，不发布与小区无关的广告、链接和拉票信息',
  '报修、投诉请走小程序“报事报修”，管家会跟进到底，群内只做通知提醒',
  '涉及个人隐私（电话、门牌、车牌）请私聊管家，不在群内公开',
  '不传播未经证实的消息，物业通知以小程序公告为准',
  '违反群规经提醒两次仍不改的，管家将请出群聊',
]

const COMMON_REPLIES = [
  { keyword: '报修', answer: '打开小程序 → 服务 → 报事报修，拍照提交即可，管家 30 分钟内响应。' },
  { keyword: '物业费', answer: '打开小程序 → 服务 → 物业缴费，可查看账单并在线缴纳，支持开具发票。' },
  { keyword: '门禁', answer: '打开小程序 → 服务 → 门禁通行，出示二维码或一键开门，访客可发临时通行证。' },
  { keyword: '停水', answer: '停水停电通知会第一时间发在小程序首页公告，请以公告时间为准。' },
  { keyword: '团购', answer: '社区团购在小程序“社区团购”里下单，到点在自提点凭提货码领取。' },
  { keyword: '快递', answer: '快递请到小区东门快递柜领取，大件可联系管家协助搬运。' },
  { keyword: '管家电话', answer: '管家电话请私聊群主获取，夜间紧急情况请拨打物业服务中心值班电话。' },
  { keyword: '装修', answer: '装修前请到物业服务中心办理装修登记，施工时间为工作日 8:30–12:00、14:00–18:00。' },
]

function starterPlan(audience: string): Playbook['starterPlan'] {
  return [
    { day: 1, title: '欢迎与自我介绍', text: `各位${audience}好，我是本群管家，负责咱们楼栋的日常服务。以后停水停电、报修进度都会第一时间在这里提醒大家，有事随时@我。` },
    { day: 2, title: '发布群规', text: '为了让群里信息清爽好找，请大家看一下群公告里的群规，感谢配合！报修请走小程序，进度可随时查看。' },
    { day: 3, title: '介绍小程序', text: '给大家推荐咱们小区的小程序：缴物业费、报修、开门、看公告都在里面，点开下方卡片即可使用。' },
    { day: 4, title: '征集意见', text: '想听听大家对小区服务的意见：绿化、卫生、安保、停车，哪一项最希望改进？欢迎在群里留言。' },
    { day: 5, title: '便民服务', text: '本周六上午 9 点物业服务中心提供免费磨刀、测血压和家电清洗咨询，欢迎大家带家人来参加。' },
    { day: 6, title: '首单福利', text: '新入群的邻居首次在小程序下单社区团购可享新人价，点开卡片看看这周的新鲜水果和粮油吧。' },
    { day: 7, title: '一周回顾', text: '入群一周啦！这周共处理报修若干件，感谢大家的支持。有任何问题随时找我，咱们一起把小区变得更好。' },
  ]
}

const PLAYBOOKS: Record<GroupKind, Playbook> = {
  owners: {
    welcome: '欢迎加入业主群！这里是业主和家人的服务群，物业通知、报修进度、社区活动都会在这里第一时间同步。',
    rules: [...COMMON_RULES, '本群仅限本小区业主及家属，请勿邀请非本小区人员入群'],
    starterPlan: starterPlan('业主'),
    autoReplies: [...COMMON_REPLIES, { keyword: '业委会', answer: '业委会相关事项请关注小程序公告，会议纪要会在公告中发布。' }],
  },
  tenants: {
    welcome: '欢迎加入租户群！租住期间的报修、门禁、快递等问题都可以在这里找到管家。',
    rules: [...COMMON_RULES, '转租、合租信息请勿在群内发布'],
    starterPlan: starterPlan('邻居'),
    autoReplies: [...COMMON_REPLIES, { keyword: '退租', answer: '退租前请与房东确认水电燃气读数，门禁权限会在房东移除后自动失效。' }],
  },
  merchants: {
    welcome: '欢迎加入商户群！这里发布小区商户相关的通知、活动合作和经营规范。',
    rules: ['本群仅限已登记的小区商户', '商品推广请通过管家在社区团购中上架，群内不刷屏', '门前三包、消防通道保持畅通', '涉及顾客投诉请私聊管家处理'],
    starterPlan: starterPlan('商户朋友'),
    autoReplies: [
      { keyword: '上架', answer: '商户商品上架社区团购，请把商品信息和价格发给管家审核。' },
      { keyword: '消防', answer: '店门口和消防通道不得堆放货物，物业每周五巡检。' },
      ...COMMON_REPLIES.filter((r) => ['快递', '管家电话'].includes(r.keyword)),
    ],
  },
  all: {
    welcome: '欢迎加入小区住户群！物业通知、社区活动、便民服务都会在这里同步，有事随时@管家。',
    rules: [...COMMON_RULES],
    starterPlan: starterPlan('邻居'),
    autoReplies: [...COMMON_REPLIES],
  },
}

export function defaultPlaybook(kind: GroupKind): Playbook {
  return PLAYBOOKS[kind]
}
