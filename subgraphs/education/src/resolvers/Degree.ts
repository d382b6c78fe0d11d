import type { DegreeResolvers } from '../generated/graphql';

export const Degree: DegreeResolvers = {
  id: (doc) => doc._id,
  name: (doc) => doc.degree.name,
  certificateNumber: (doc) => doc.degree.certificateNumber,
  awardedOn: (doc) => doc.degree.awardedOn,
};
