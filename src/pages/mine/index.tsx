import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { householdsContract } from '@contracts/households.contract'
import { useFnQuery } from '@/hooks/use-fn-query'
import { useHomeTabText } from '../index/staff/active-role'
import { PageState } from '@/components/PageState'
import { HouseholdList } from './HouseholdList'
import { StaffWorkCard } from './StaffWorkCard'
import { avatarGlyph, displayName, roleTags } from './labels'
import './index.scss'

const BIND_URL = '/packages/households/pages/bind/index'
const LINKS = [
  { title: '消息中心', url: '/packages/households/pages/inbox/index' },
  { title: '我的订单', url: '/packages/orders/pages/index/index' },
  { title: '订单发票（团购、服务）', url: '/packages/merchants/pages/invoices/index' },
  { title: '房屋与成员', url: '/packages/households/pages/index/index' },
]
/** Only for members of a household: targeted pushes go to homes, so only they have something to turn off. */
const MEMBER_LINKS = [{ title: '推送设置', url: '/packages/profiles/pages/settings/index' }]

// H5 only (constant-folded away on weapp): which demo persona is being played, and the row to switch it.
const useDevPersonaLabel: () => string | null =
  process.env.TARO_ENV === 'h5' ? (require('@/dev/use-dev-persona-label') as typeof import('@/dev/use-dev-persona-label')).useDevPersonaLabel : () => null
const PersonaEntry = process.env.TARO_ENV === 'h5' ? (require('@/dev/PersonaEntry') as typeof import('@/dev/PersonaEntry')).PersonaEntry : null

/** 我的: who you are (name, roles) and your homes, from households.me. */
export default function MinePage() {
  const q = useFnQuery(householdsContract, 'me', {})
  const devLabel = useDevPersonaLabel()
  usePullDownRefresh(() => {
    void q.reload().finally(() => Taro.stopPullDownRefresh())
  })
  const me = q.data
  useHomeTabText(me)
  const goBind = () => void Taro.navigateTo({ url: BIND_URL })

  return (
    <View className='mine-page'>
      <PageState loading={q.loading} error={q.error} hasData={!!me} onRetry={() => void q.reload()}>
        {me && (
          <>
              <View className='profile'>
                <View className='profile__avatar'>
                  <Text>{avatarGlyph(me)}</Text>
                </View>
                <View className='profile__info'>
                  <Text className='profile__name'>{displayName(me)}</Text>
                  <View className='profile__tags'>
                    {roleTags(me).map((t) => (
                      <Text key={t} className='profile__tag'>
                        {t}
                      </Text>
                    ))}
                    {roleTags(me).length === 0 && <Text className='profile__tag profile__tag--muted'>未绑定房屋</Text>}
                  </View>
                  {devLabel && <Text className='profile__dev'>{`体验身份：${devLabel}`}</Text>}
                </View>
              </View>

              {me.households.length === 0 && me.roles.length > 0 ? (
                <StaffWorkCard roles={me.roles} />
              ) : (
              <>
                <Text className='section-title'>我的房屋</Text>
                {me.households.length === 0 ? (
                  <View className='card mine-empty'>
                    <Text className='mine-empty__text'>还没有绑定房屋</Text>
                    <Text className='mine-empty__hint'>绑定后可缴物业费、报修、开门和参加社区团购</Text>
                    <Button className='mine-empty__action' type='primary' onClick={goBind}>
                      去绑定
                    </Button>
                  </View>
                ) : (
                  <HouseholdList households={me.households} currentId={me.currentHouseholdId} />
                )}
              </>
            )}

            <View className='card mine-links'>
              {[...LINKS, ...(me.households.length > 0 ? MEMBER_LINKS : [])].map((l) => (
                <View key={l.url} className='mine-link' onClick={() => void Taro.navigateTo({ url: l.url })}>
                  <Text>{l.title}</Text>
                  <Text className='mine-link__arrow'>›</Text>
                </View>
              ))}
            </View>
          </>
        )}
      </PageState>
      {PersonaEntry && <PersonaEntry />}
    </View>
  )
}
