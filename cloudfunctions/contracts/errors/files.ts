/** Stable codes for every area that takes uploads; the messages name the limit when it is known (core/storage/file-rules.ts). */
export const FILE_ERROR_MESSAGES = {
  'FILE.TOO_MANY': '上传的文件太多',
  'FILE.NOT_FOUND': '文件不存在或上传未完成，请重新上传',
  'FILE.TYPE_NOT_ALLOWED': '文件格式不支持',
  'FILE.TOO_LARGE': '文件太大',
} as const

export type FileErrorCode = keyof typeof FILE_ERROR_MESSAGES
