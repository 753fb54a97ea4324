import type { EventFields } from '../../contracts/events.contract'
import type { EventDoc } from './event.model'

/** The organiser's fields as the event document stores them (times as dates), for create and edit alike. */
export function eventFieldsFrom(input: EventFields): Pick<EventDoc, 'title' | 'category' | 'venue' | 'description' | 'startsAt' | 'endsAt' | 'signupLimit'> {
  return {
    title: input.title,
    category: input.category,
    venue: input.venue,
    description: input.description,
    startsAt: new Date(input.startsAt),
    endsAt: new Date(input.endsAt),
    signupLimit: input.signupLimit,
  }
}
