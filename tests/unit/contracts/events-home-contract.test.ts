import { eventsContract } from '../../../cloudfunctions/contracts/events.contract'
import { eventsHomeContract } from '../../../cloudfunctions/contracts/events-home.contract'

/** The home's small view of the events function (main-package size) must be exactly the function's own list action. */
describe('events home contract', () => {
  it('names the same function and shares list’s schemas, audience and errors', () => {
    expect(eventsHomeContract.name).toBe(eventsContract.name)
    expect(eventsHomeContract.actions.list.input).toBe(eventsContract.actions.list.input)
    expect(eventsHomeContract.actions.list.output).toBe(eventsContract.actions.list.output)
    expect(eventsHomeContract.actions.list.mutating).toBe(eventsContract.actions.list.mutating)
    expect(eventsHomeContract.audience.list).toEqual(eventsContract.audience.list)
    expect(eventsHomeContract.errors.list).toEqual(eventsContract.errors.list)
  })
})
