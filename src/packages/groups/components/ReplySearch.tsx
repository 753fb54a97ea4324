import { useState } from 'react'
import Taro from '@tarojs/taro'
import { View, Text, Input } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { groupsContract } from '@contracts/groups.contract'
import { callFn } from '@/services/call-fn'
import { KIND_SHORT } from './labels'
import { toastError } from '@/services/toast'

type Reply = { keyword: string; answer: string; kind: keyof typeof KIND_SHORT }

/** Keyword auto-replies of the onboarding programme: look one up, copy it into the group. */
export function ReplySearch() {
  const [keyword, setKeyword] = useState('')
  const [results, setResults] = useState<Reply[] | null>(null)
  const search = async () => {
    if (!keyword.trim()) return
    try {
      setResults((await callFn(groupsContract, 'searchReplies', { keyword: keyword.trim() })).results)
    } catch (e) {
      toastError(e, '查询失败')
    }
  }
  return (
    <>
      <View className='row-input'>
        <Input className='row-input__field' placeholder='关键词，如：报修、物业费' value={keyword} onInput={(e) => setKeyword(e.detail.value)} onConfirm={() => void search()} />
        <Button size='small' type='primary' onClick={() => void search()}>
          查找
        </Button>
      </View>
      {results?.length === 0 && <Text className='card reply'>没有找到相关回复</Text>}
      {results?.map((r) => (
        <View key={`${r.kind}-${r.keyword}`} className='card reply'>
          <Text className='reply__keyword'>
            {r.keyword} · {KIND_SHORT[r.kind]}
          </Text>
          <Text className='reply__answer'>{r.answer}</Text>
          <Button size='small' onClick={() => void Taro.setClipboardData({ data: r.answer })}>
            复制
          </Button>
        </View>
      ))}
    </>
  )
}
