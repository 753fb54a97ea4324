import type { Platform } from '../kernel/platform'
import { must } from '../kernel/db-result'
import { hashPhone, phonePepper } from '../households'
import { GROUPBUY_COLLECTIONS, type EntryDoc } from './groupbuy.model'
import type { CheckoutInput } from './checkout.service'

/**
 * The confirm page's collector and note, kept on the entry after the order exists (the orders core creates
 * the entry in its reserve hook, which knows nothing of them). A retry with the same requestId writes the
 * same values again, so this is safe to repeat. The phone is kept only as a peppered hash + last four.
 */
export async function rememberCheckoutDetails(platform: Platform, orderId: string, input: Pick<CheckoutInput, 'contact' | 'note'>): Promise<void> {
  const set: Partial<EntryDoc> = {}
  if (input.contact) {
    const phone = input.contact.phone
    set.contact = {
      name: input.contact.name,
      phoneLast4: phone ? phone.slice(-4) : '',
      phoneHash: phone ? hashPhone(phone, phonePepper(platform.env)) : null,
    }
  }
  if (input.note) set.note = input.note
  must(await platform.db.collection(GROUPBUY_COLLECTIONS.entries).doc(orderId).update(set))
}
