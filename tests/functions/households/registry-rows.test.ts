import { parseCsv } from '../../../cloudfunctions/core/households/registry/csv'
import { checkRegistryFile } from '../../../cloudfunctions/core/households/registry/registry-file'
import { normalizeBuilding, normalizeRoom, normalizeUnit } from '../../../cloudfunctions/core/households/registry/registry-row'

describe('registry rows: parsing and canonical forms', () => {
  it.each([
    ['3栋', '3栋'],
    ['3幢', '3栋'],
    ['03号楼', '3栋'],
    ['３号', '3栋'],
    ['12', '12栋'],
    ['a座', 'A栋'],
    ['X区', null],
    ['0栋', null],
    ['3栋2单元', null],
  ])('building %s → %s', (raw, expected) => {
    expect(normalizeBuilding(raw)).toBe(expected)
  })

  it('normalises units and rooms, refusing what is not one', () => {
    expect(normalizeUnit('2')).toBe('2单元')
    expect(normalizeUnit('02单元')).toBe('2单元')
    expect(normalizeUnit('东')).toBeNull()
    expect(normalizeRoom('1202室')).toBe('1202')
    expect(normalizeRoom('b-101')).toBe('B-101')
    expect(normalizeRoom('12 02')).toBeNull()
  })

  it('keeps line numbers true across quoted line breaks, CRLF and blank lines', () => {
    const records = parseCsv('\ufeffa,b\r\n\r\n"x\ny",z\nlast,1')
    expect(records).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 3, fields: ['x\ny', 'z'] },
      { line: 5, fields: ['last', '1'] },
    ])
  })

  it('reads tab-separated text pasted from a spreadsheet', () => {
    const file = checkRegistryFile('楼栋\t单元\t房号\t面积\t姓名\t手机\n1栋\t1\t101\t90\t张三\t13800000001')
    expect(file.rejected).toEqual([])
    expect(file.rows).toEqual([{ line: 2, building: '1栋', unit: '1单元', room: '101', areaM2: 90, ownerName: '张三', phone: '13800000001' }])
  })

  it('rejects the same room written two ways on every line it appears', () => {
    const file = checkRegistryFile('1栋,1单元,101,90,张三,13800000001\n1号楼,1,101室,90,李四,13800000002\n1栋,1单元,102,90,王五,13800000003')
    expect(file.rows.map((r) => r.room)).toEqual(['102'])
    expect(file.rejected.map((r) => r.line)).toEqual([1, 2])
  })

  it('never repeats a phone number in a rejection reason', () => {
    const file = checkRegistryFile('1栋,1单元,101,90,张三,1380000000')
    expect(file.rejected[0].reason).not.toContain('1380000000')
  })
})
