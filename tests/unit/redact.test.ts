import { redactText, redactFields, maskPhone } from '../../cloudfunctions/runtime/redact'
import { createConsoleLogger } from '../../cloudfunctions/runtime/console-logger'

describe('no personal data in logs', () => {
  it('masks mainland mobile numbers and ID numbers inside text', () => {
    expect(redactText('call 13800138000 now')).toBe('call 138****8000 now')
    expect(redactText('id 33010219900101123X ok')).toBe('id [id] ok')
    expect(redactText('order 202611220001')).toBe('order 202611220001')
  })

  it('drops fields whose names say they are personal', () => {
    expect(redactFields({ ownerPhone: '13800138000', ownerName: '王伟', count: 3 })).toEqual({ ownerPhone: '[redacted]', ownerName: '[redacted]', count: 3 })
  })

  it('the console logger never writes a full phone number, whatever it is given', () => {
    const lines: string[] = []
    const log = createConsoleLogger('t', (l) => lines.push(l))
    log.error('failed', { errorMessage: 'binding 13912345678 failed', phone: '13912345678' })
    expect(lines.join('\n')).not.toMatch(/13912345678/)
    expect(lines[0]).toContain('139****5678')
  })

  it('shows only the last four digits for display', () => {
    expect(maskPhone('13800002301')).toBe('138****2301')
  })
})
