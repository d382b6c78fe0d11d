import type { NotificationResolvers } from '../../generated/graphql';

export const Notification: NotificationResolvers = {
  id: (doc) => doc._id,
};
