import { repairsContract } from '../contracts/repairs.contract'
import { defineFunction, userOpenid } from '../runtime/define-function'
import { createTicket } from '../core/repairs/create-ticket.service'
import { acceptTicket, cancelTicket, completeTicket, reassignTicket, reopenTicket, startWork } from '../core/repairs/ticket-actions.service'
import { rateTicket } from '../core/repairs/rating.service'
import { loadTicketFor } from '../core/repairs/ticket-access'
import { toDetail } from '../core/repairs/ticket-view'
import { myTickets, technicianQueue, watchedTickets } from '../core/repairs/ticket-queries'
import { listTechnicians, myDuty, setAvailability } from '../core/repairs/technicians.service'
import { satisfactionFor } from '../core/repairs/satisfaction.query'
import { runSlaCheck } from '../core/repairs/sla.service'
import type { TicketDoc } from '../core/repairs/repair.model'

const moved = (t: TicketDoc) => ({ ticketId: t._id, status: t.status })

/** 报事报修: a router over core/repairs. Identity from the platform, rules in core, nothing else here. */
export const repairsFunction = defineFunction(
  repairsContract,
  {
    create: async (input, ctx) => {
      const t = await createTicket(ctx.platform, await ctx.access(), input)
      return { ticketId: t._id, status: t.status, assigneeName: t.assigneeName }
    },
    mine: async (input, ctx) => myTickets(ctx.platform.db, await ctx.access(), input.filter, input),
    detail: async (input, ctx) => {
      const { ticket, actors } = await loadTicketFor(ctx.platform.db, await ctx.access(), input.ticketId)
      return toDetail(ctx.platform, ticket, actors)
    },
    cancel: async (input, ctx) => moved(await cancelTicket(ctx.platform, await ctx.access(), input.ticketId, input.reason)),
    rate: async ({ ticketId, ...rating }, ctx) => moved(await rateTicket(ctx.platform, await ctx.access(), ticketId, rating)),
    reopen: async (input, ctx) => moved(await reopenTicket(ctx.platform, await ctx.access(), input.ticketId, input.reason)),
    queue: async (input, ctx) => technicianQueue(ctx.platform.db, userOpenid(ctx), input.filter, input),
    accept: async (input, ctx) => moved(await acceptTicket(ctx.platform, await ctx.access(), input.ticketId, input.promisedWindow)),
    start: async (input, ctx) => moved(await startWork(ctx.platform, await ctx.access(), input.ticketId)),
    complete: async (input, ctx) => moved(await completeTicket(ctx.platform, await ctx.access(), input.ticketId, input.note, input.photos)),
    setAvailability: async (input, ctx) => setAvailability(ctx.platform, await ctx.access(), input.available),
    myDuty: async (_input, ctx) => myDuty(ctx.platform, await ctx.access()),
    gridTickets: async (input, ctx) => watchedTickets(ctx.platform.db, await ctx.access(), input.filter, input),
    technicians: async (_input, ctx) => listTechnicians(ctx.platform, await ctx.access()),
    reassign: async (input, ctx) => moved(await reassignTicket(ctx.platform, await ctx.access(), input.ticketId, input.technicianId, input.note)),
    satisfaction: async (_input, ctx) => satisfactionFor(ctx.platform.db, await ctx.access(), ctx.now()),
  },
  {
    // CloudBase timer trigger "slaCheck" (every 5 minutes, see docs/repairs.md); safe to run twice or concurrently.
    timers: { slaCheck: async (ctx) => runSlaCheck(ctx.platform) },
  },
)
