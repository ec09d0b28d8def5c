import type { AnnouncementFanOut, Services } from '@chat/core';
import type { TriggerEvent } from './trigger-event';

/**
 * `announcements/{announcementId}` created → a notification in each recipient's inbox, bucket by bucket,
 * each bucket claimed by a marker, so a replayed event delivers nothing twice.
 */
export function onAnnouncementCreated(
  services: Services,
  event: TriggerEvent<{ announcementId: string }>,
): Promise<AnnouncementFanOut> {
  return services.admin.announcementCreated(event.params.announcementId);
}
