import type { GroupView } from '../../contracts/groups.contract'
import type { Platform } from '../kernel/platform'
import { loadBuildingNames } from './group-access'
import { urlsFor } from './group-files'
import { groupView } from './group-view'
import type { GroupDoc } from './group.model'
import { isCodeShowable } from './lifecycle.rules'

/** Views of several groups with one building-name read and one temp-URL call for the live codes. */
export async function groupViews(platform: Platform, groups: GroupDoc[]): Promise<GroupView[]> {
  const now = platform.clock.now()
  const live = groups.filter((g) => isCodeShowable(g.code, now)).map((g) => g.code!.fileId)
  const [names, urlOf] = await Promise.all([loadBuildingNames(platform.db, groups.flatMap((g) => g.buildingIds)), urlsFor(platform, live)])
  return groups.map((g) => groupView(g, now, names, urlOf))
}

export async function oneGroupView(platform: Platform, group: GroupDoc): Promise<GroupView> {
  return (await groupViews(platform, [group]))[0]
}
