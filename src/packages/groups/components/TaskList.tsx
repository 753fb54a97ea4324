import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import type { StewardTask } from '@contracts/groups.contract'

function copy(text: string) {
  void Taro.setClipboardData({ data: text })
}

/** 今日任务: posts to copy into the group, codes to renew, alerts to acknowledge. */
export function TaskList({ tasks, onAck }: { tasks: StewardTask[]; onAck: (t: StewardTask) => void }) {
  if (tasks.length === 0) return <Text className='card task'>今天没有待办，社群运转良好</Text>
  return (
    <>
      {tasks.map((t) => (
        <View key={t.id} className='card task' data-task-type={t.type}>
          <Text className='task__title'>{t.title}</Text>
          {t.groupName && <Text className='task__group'>{t.groupName}</Text>}
          <Text className='task__text'>{t.text}</Text>
          <View className='task__buttons'>
            {t.type === 'starter_post' && (
              <Button size='small' type='primary' onClick={() => copy(t.text)}>
                复制文案
              </Button>
            )}
            {(t.type === 'code_expiring' || t.type === 'code_expired') && t.groupId && (
              <Button size='small' type='primary' onClick={() => void Taro.navigateTo({ url: `/packages/groups/pages/upload/index?groupId=${t.groupId}&name=${encodeURIComponent(t.groupName ?? '')}` })}>
                去上传
              </Button>
            )}
            {t.ackable && (
              <Button size='small' onClick={() => onAck(t)}>
                知道了
              </Button>
            )}
          </View>
        </View>
      ))}
    </>
  )
}
