import type { ReactNode } from 'react'
import { Input, Picker, Text, Textarea, View } from '@tarojs/components'

/** One labelled row of the staff forms: label on the left, the control filling the rest (fits 320–375 px). */
export function Field({ label, children, hint }: { label: string; children: ReactNode; hint?: string }) {
  return (
    <View className='gbf-field'>
      <Text className='gbf-field__label'>{label}</Text>
      <View className='gbf-field__control'>
        {children}
        {hint ? <Text className='gbf-field__hint'>{hint}</Text> : null}
      </View>
    </View>
  )
}

export function TextField(props: { label: string; value: string; onChange: (v: string) => void; placeholder?: string; type?: 'text' | 'digit' | 'number'; maxlength?: number; hint?: string; testId?: string }) {
  return (
    <Field label={props.label} hint={props.hint}>
      <Input
        className='gbf-input'
        type={props.type ?? 'text'}
        value={props.value}
        maxlength={props.maxlength ?? 40}
        placeholder={props.placeholder}
        onInput={(e) => props.onChange(e.detail.value)}
        data-testid={props.testId}
      />
    </Field>
  )
}

export function AreaField(props: { label: string; value: string; onChange: (v: string) => void; placeholder?: string; maxlength?: number; testId?: string }) {
  return (
    <Field label={props.label}>
      <Textarea className='gbf-textarea' value={props.value} maxlength={props.maxlength ?? 500} placeholder={props.placeholder} onInput={(e) => props.onChange(e.detail.value)} data-testid={props.testId} />
    </Field>
  )
}

/** Date and/or time pickers (WeChat's native wheels; the H5 build renders Taro's). Values are Beijing wall clock. */
export function DatePick({ value, onChange, testId }: { value: string; onChange: (v: string) => void; testId?: string }) {
  return (
    <Picker mode='date' value={value} onChange={(e) => onChange(String(e.detail.value))}>
      <Text className='gbf-pick' data-testid={testId}>
        {value}
      </Text>
    </Picker>
  )
}

export function TimePick({ value, onChange, testId }: { value: string; onChange: (v: string) => void; testId?: string }) {
  return (
    <Picker mode='time' value={value} onChange={(e) => onChange(String(e.detail.value))}>
      <Text className='gbf-pick' data-testid={testId}>
        {value}
      </Text>
    </Picker>
  )
}
