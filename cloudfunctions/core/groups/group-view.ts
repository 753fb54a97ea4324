import type { CodeView, GroupView } from '../../contracts/groups.contract'
import { currentScore } from './activity-score'
import { KIND_LABELS, type GroupCode, type GroupDoc } from './group.model'
import { codeStatus, isCodeShowable, STAGE_LABELS, stageOf } from './lifecycle.rules'

/** Maps fileIDs to displayable URLs (temp URLs from the storage port when one is configured). */
export type UrlOf = (fileId: string) => string

export function buildingsLabel(buildingIds: string[], buildingNames: Map<string, string>): string {
  if (buildingIds.length === 0) return '全小区'
  return buildingIds.map((id) => buildingNames.get(id) ?? id).join('、')
}

/** An expired code is reported as expired, with no file: it is never shown. */
export function codeView(code: GroupCode | null, now: Date, urlOf: UrlOf): CodeView {
  const status = codeStatus(code, now)
  const showable = isCodeShowable(code, now)
  return {
    status,
    savedAt: code ? new Date(code.savedAt).toISOString() : null,
    expiresAt: code ? new Date(code.expiresAt).toISOString() : null,
    fileId: showable ? code.fileId : null,
    url: showable ? urlOf(code.fileId) : null,
  }
}

export function groupView(g: GroupDoc, now: Date, buildingNames: Map<string, string>, urlOf: UrlOf): GroupView {
  const stage = stageOf(g, now)
  return {
    id: g._id,
    communityId: g.communityId,
    name: g.name,
    kind: g.kind,
    kindLabel: KIND_LABELS[g.kind],
    buildingIds: g.buildingIds,
    buildingsLabel: buildingsLabel(g.buildingIds, buildingNames),
    capacity: g.capacity,
    memberCount: g.memberCount,
    seatsLeft: Math.max(0, g.seatsLeft),
    stage,
    stageLabel: STAGE_LABELS[stage],
    score: Math.round(currentScore(g.activityRaw, now) * 10) / 10,
    silent: !!g.silent,
    openGIdBound: !!g.openGId,
    status: g.status,
    code: codeView(g.code, now, urlOf),
    createdAt: new Date(g.createdAt).toISOString(),
  }
}

export function groupSummary(g: GroupDoc, buildingNames: Map<string, string>) {
  return { id: g._id, name: g.name, kind: g.kind, kindLabel: KIND_LABELS[g.kind], buildingsLabel: buildingsLabel(g.buildingIds, buildingNames) }
}
